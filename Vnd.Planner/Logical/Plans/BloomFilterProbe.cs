using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>
/// Keeps the rows of <see cref="Input"/> whose <see cref="Keys"/> may be in the Bloom filter <see cref="Filter"/>
/// produces (a <see cref="BloomFilterBuild"/> of the same <see cref="Bits"/> and <see cref="Hashes"/>, usually
/// through an exchange). Rows with a NULL key are dropped: they match nothing in an inner or semi join. A kept row
/// may still have no partner (a false positive), so the exact join runs afterwards.
/// </summary>
public sealed record BloomFilterProbe(LogicalPlan Input, LogicalPlan Filter, SqlList<BoundExpr> Keys, long Bits, int Hashes) : LogicalPlan
{
    public override SqlList<PlanColumn> Output => Input.Output;

    public override SqlList<LogicalPlan> Inputs => [Input, Filter];

    public override LogicalPlan WithInputs(SqlList<LogicalPlan> inputs) => this with { Input = inputs[0], Filter = inputs[1] };
}
