using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>
/// A semi or anti join (<see cref="Type"/>: Semi, Anti or NullAwareAnti) of <see cref="Input"/> on the integer
/// <see cref="Key"/> against another site's keys, learnt by set reconciliation: <see cref="Sketch"/> produces that
/// site's <see cref="SetSketchBuild"/> of <see cref="Cells"/> cells; this side builds its own, subtracts and peels
/// the keys whose counts differ, and keeps a row by whether its key is among those only here. When the difference
/// does not peel (more differences than the table was sized for), <see cref="Retry"/> — the other site's table with
/// twice the cells — is tried, and when that does not peel either, <see cref="Fallback"/> — the other site's
/// distinct keys, one column — is read instead. Neither is started unless needed, so they cost nothing otherwise.
/// The input is read more than once, so it must be local (no exchange inside). Output: the input's columns.
/// </summary>
public sealed record SetDifferenceJoin(JoinType Type, LogicalPlan Input, LogicalPlan Sketch, LogicalPlan Retry, LogicalPlan Fallback,
    BoundExpr Key, int Cells) : LogicalPlan
{
    public override SqlList<PlanColumn> Output => Input.Output;

    public override SqlList<LogicalPlan> Inputs => [Input, Sketch, Retry, Fallback];

    /// <summary>The retry's table: twice the cells, within the bound.</summary>
    public static int RetryCells(int cells) => Math.Min(SetSketchBuild.MaxCells, 2 * cells);

    public override LogicalPlan WithInputs(SqlList<LogicalPlan> inputs) =>
        this with { Input = inputs[0], Sketch = inputs[1], Retry = inputs[2], Fallback = inputs[3] };
}
