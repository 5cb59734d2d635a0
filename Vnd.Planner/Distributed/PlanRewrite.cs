using Vnd.Planner.Logical;

namespace Vnd.Planner.Distributed;

/// <summary>
/// Bottom-up rewrites of a whole query: every node of the plan and of the plans of its subqueries (which
/// <see cref="PlanWalk.TransformUp"/> alone does not reach, since they sit inside expressions).
/// </summary>
public static class PlanRewrite
{
    public static LogicalPlan Nodes(LogicalPlan plan, Func<LogicalPlan, LogicalPlan?> rewrite) =>
        PlanWalk.TransformUp(plan, node =>
        {
            var mapped = PlanExpressions.Map(node, e => ExprWalk.Transform(e, x => x is BoundSubquery q ? q with { Plan = Nodes(q.Plan, rewrite) } : null));
            return rewrite(mapped) ?? mapped;
        });

    /// <summary>
    /// The query with $1…$n replaced by their values (cast where a use was typed more narrowly), so fragments
    /// shipped to table servers need no parameters.
    /// </summary>
    public static LogicalPlan BindParameters(LogicalPlan plan, IReadOnlyList<BoundLiteral>? parameters) =>
        parameters is null || parameters.Count == 0
            ? plan
            : Nodes(plan, node => PlanExpressions.Map(node, e => ExprWalk.Transform(e, x => x is BoundParameter p && p.Index >= 1 && p.Index <= parameters.Count
                ? Value(parameters[p.Index - 1], p)
                : null)));

    private static BoundExpr Value(BoundLiteral value, BoundParameter parameter) =>
        parameter.ParameterType.Id == Types.TypeId.Unknown || value.LiteralType.Equals(parameter.ParameterType)
            ? value
            : new BoundCast(value, parameter.ParameterType);

    /// <summary>Every scan of the query, subqueries included.</summary>
    public static List<Scan> Scans(LogicalPlan plan)
    {
        var scans = new List<Scan>();
        Nodes(plan, node =>
        {
            if (node is Scan scan)
                scans.Add(scan);
            return null;
        });
        return scans;
    }
}
