using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>
/// An aggregate without groups over an inner equi-join of two sites on one integer key that is unique on both,
/// computed without moving either side's rows: with M the matched keys,
/// count = |here| − |keys only here| and Σ_M x = Σ over x's terms of Σ_M term, each site summing its own terms over
/// its matched rows. The other site's <see cref="ReconciledPartial"/> (<see cref="Partial"/>) learnt both sides'
/// unmatched keys from this site's key sketch and sends its sums and the keys only here; this node sums
/// <see cref="Terms"/> over <see cref="Input"/>'s rows whose key is not among them. Uniqueness (an exact check of
/// every key at both sites), non-NULL terms, whole-microsecond timestamps and the per-row bounds of
/// <see cref="DecomposedAggregate.Limit"/> are checked at run time; if any fails, or the sketch did not peel,
/// <see cref="Fallback"/> — the original aggregate over a join with the other side's rows, which only then move —
/// produces the answer instead. Output: the aggregate's columns (those of <see cref="Fallback"/>).
/// </summary>
public sealed record ReconciledAggregate(LogicalPlan Input, LogicalPlan Partial, LogicalPlan Fallback, BoundExpr Key,
    SqlList<BoundExpr> Terms, SqlList<DecomposedAggregate> Aggregates) : LogicalPlan
{
    public override SqlList<PlanColumn> Output => Fallback.Output;

    public override SqlList<LogicalPlan> Inputs => [Input, Partial, Fallback];

    public override LogicalPlan WithInputs(SqlList<LogicalPlan> inputs) =>
        this with { Input = inputs[0], Partial = inputs[1], Fallback = inputs[2] };
}
