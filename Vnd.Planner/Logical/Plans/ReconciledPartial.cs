using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>
/// One site's half of an aggregate over an inner join on a unique integer key, decomposed by set reconciliation
/// (see <see cref="ReconciledAggregate"/>): receives the other site's <see cref="SetSketchBuild"/> of its keys
/// (<see cref="Sketch"/>, then <see cref="Retry"/> with twice the cells if it does not peel), builds the same over
/// <see cref="Input"/>'s keys, subtracts and peels. Output: a summary row (<see cref="Summary"/>, with
/// <see cref="KeyColumn"/> NULL) — whether its keys were unique and every term usable, its rows, the keys only here,
/// and per term the sum, minimum and maximum over its matched rows — then one row per key only at the other site.
/// The input is read more than once, so it must be local.
/// </summary>
public sealed record ReconciledPartial(LogicalPlan Input, LogicalPlan Sketch, LogicalPlan Retry, BoundExpr Key, SqlList<BoundExpr> Terms,
    int Cells, PlanColumn KeyColumn, PlanColumn Summary) : LogicalPlan
{
    public override SqlList<PlanColumn> Output => [KeyColumn, Summary];

    public override SqlList<LogicalPlan> Inputs => [Input, Sketch, Retry];

    public override LogicalPlan WithInputs(SqlList<LogicalPlan> inputs) =>
        this with { Input = inputs[0], Sketch = inputs[1], Retry = inputs[2] };
}
