using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>
/// LATERAL: a derived table written LATERAL, and any function call in FROM (implicitly lateral in PostgreSQL),
/// sees the FROM items before it. When it reads them, the pair becomes a <see cref="Logical.LateralJoin"/> (the
/// subquery runs per row of the left side, or the decorrelation rule turns it into a join); when it does not, an
/// ordinary join, exactly as if LATERAL had not been written.
/// </summary>
internal sealed partial class QueryBinder
{
    private static bool IsLateral(TableRef item) => item is DerivedTable { Lateral: true } or FunctionTable;

    /// <summary>
    /// Binds <paramref name="item"/> with the relations of <paramref name="visible"/> one level out (as if they were
    /// an enclosing query) and registers its alias in <paramref name="target"/>.
    /// </summary>
    /// <param name="rejects">a RIGHT or FULL join: reading <paramref name="visible"/> is 42P10, as in PostgreSQL
    /// (its detail: the combining JOIN type must be INNER or LEFT for a LATERAL reference)</param>
    private LogicalPlan BindLateralItem(TableRef item, Scope visible, Scope target, CteScope ctes, bool rejects = false)
    {
        var siblings = new Scope(visible.Parent) { RejectsLateral = rejects };
        siblings.Absorb(visible);
        if (item is FunctionTable function)
        {
            return BindFunctionTable(function, target, ctes, siblings);
        }
        var derived = (DerivedTable)item;
        var plan = BindQuery(derived.Query, siblings, ctes);
        return AddRelation(plan, derived.Alias?.Name ?? "unnamed_subquery", null, derived.Alias, target, derived);
    }

    /// <summary>A join's left side as its LATERAL right side sees it: also the FROM items before the join (PostgreSQL).</summary>
    private static Scope WithEarlierItems(Scope left, Scope from)
    {
        var visible = new Scope(left.Parent);
        visible.Absorb(from);
        visible.Absorb(left);
        return visible;
    }

    /// <summary>Whether <paramref name="right"/> references columns <paramref name="left"/> produces.</summary>
    private static bool ReadsFrom(LogicalPlan right, LogicalPlan left) => PlanWalk.OuterReferences(right).Overlaps(PlanWalk.Produced(left));

    private static LateralJoin Lateral(LogicalPlan left, LogicalPlan right, bool outer) =>
        new(left, new BoundSubquery(SubqueryKind.Lateral, right, null, false, SqlType.Bool), outer);

    /// <summary>
    /// <c>left [INNER|LEFT] JOIN LATERAL right ON/USING …</c>: the join condition filters the subquery's rows (it
    /// may read both sides, and the left side's values are the subquery's parameters), so a LEFT join keeps a left
    /// row whose subquery rows all fail it, NULL-extended, as PostgreSQL does. RIGHT and FULL joins never get here
    /// (<see cref="BindLateralItem"/> rejects their references).
    /// </summary>
    private static LateralJoin LateralJoin(JoinType type, LogicalPlan left, LogicalPlan right, SqlList<EquiKey> keys, BoundExpr? condition)
    {
        var conjuncts = keys.Select(k => (BoundExpr)BoundCall.Operator("=", SqlType.Bool, k.Left, k.Right)).ToList();
        if (condition is not null and not BoundLiteral { Value: true })
        {
            conjuncts.Add(condition);
        }
        if (ExprWalk.Conjoin(conjuncts) is { } predicate)
        {
            right = new Filter(right, predicate);
        }
        return Lateral(left, right, type == JoinType.Left);
    }
}
