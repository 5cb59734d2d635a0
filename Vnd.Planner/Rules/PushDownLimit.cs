using Vnd.Planner.Logical;

namespace Vnd.Planner.Rules;

/// <summary>
/// push_down_limit: a constant LIMIT (plus OFFSET) passes through projections, turns a sort below it into a top-N
/// sort (Sort.Fetch), and bounds a filterless scan (Scan.Fetch) and both inputs of UNION ALL. The Limit node stays
/// on top where rows beyond it could still arrive; only the inputs learn they may stop early.
/// </summary>
public sealed class PushDownLimit : ILogicalRule
{
    public string Name => "push_down_limit";

    public RuleResult Apply(LogicalPlan plan)
    {
        var result = PlanWalk.TransformUp(plan, node => node is Limit { Ties.Count: 0 } limit && Fetch(limit) is long fetch ? Push(limit, fetch) : null);
        return RuleResult.Compare(plan, result);
    }

    private static long? Fetch(Limit limit)
    {
        static long? Constant(BoundExpr? e) => e switch
        {
            null => 0,
            BoundLiteral { Value: long v } => v,
            BoundLiteral { Value: int v } => v,
            BoundCast { Operand: var inner } => Constant(inner),
            _ => null,
        };
        if (limit.Count is null || Constant(limit.Count) is not long count || Constant(limit.Offset) is not long offset || count < 0 || offset < 0)
        {
            return null;
        }
        return count > long.MaxValue - offset ? null : count + offset;
    }

    private static LogicalPlan? Push(Limit limit, long fetch) => limit.Input switch
    {
        // A projection maps rows one to one, so it can run on the limited rows.
        Project project => project with { Input = Push(limit with { Input = project.Input }, fetch) ?? (limit with { Input = project.Input }) },
        Sort sort when sort.Fetch is null || sort.Fetch > fetch => limit with { Input = sort with { Fetch = fetch } },
        Scan { Filters.Count: 0 } scan when scan.Fetch is null || scan.Fetch > fetch => limit with { Input = scan with { Fetch = fetch } },
        SetOperationPlan { Operator: Syntax.Ast.SetOperator.Union, All: true } union when !IsBounded(union.Left, fetch) =>
            limit with
            {
                Input = union with
                {
                    Left = new Limit(union.Left, new BoundLiteral(fetch, Types.SqlType.Int8), null),
                    Right = new Limit(union.Right, new BoundLiteral(fetch, Types.SqlType.Int8), null),
                },
            },
        _ => null,
    };

    private static bool IsBounded(LogicalPlan plan, long fetch) => plan is Limit { Count: BoundLiteral { Value: long v }, Offset: null } && v <= fetch;
}
