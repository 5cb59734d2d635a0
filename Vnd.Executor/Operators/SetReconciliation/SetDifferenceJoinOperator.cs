using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators.Joins;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.SetReconciliation;

/// <summary>
/// A semi or anti join of <see cref="Input"/> against another site's keys learnt by set reconciliation
/// (<see cref="Reconciliation"/>, done once and shared by every partition); then each partition streams its
/// input again, narrowing each batch's selection to the rows the join keeps (no column is copied).
/// <see cref="Retry"/> (twice the cells) and then <see cref="Fallback"/> are opened only when the difference does not
/// peel; <see cref="Remote.RemoteInputsStart"/> leaves them unstarted (see <see cref="StartedChildren"/>).
/// </summary>
public sealed class SetDifferenceJoinOperator(PhysicalOperator input, PhysicalOperator sketch, PhysicalOperator retry,
    PhysicalOperator fallback, Expression key, JoinType type, int cells) : PhysicalOperator
{
    public PhysicalOperator Input { get; } = input;

    public PhysicalOperator Sketch { get; } = sketch;

    public PhysicalOperator Retry { get; } = retry;

    public PhysicalOperator Fallback { get; } = fallback;

    public Expression Key { get; } = key;

    public JoinType Type { get; } = type;

    public int Cells { get; } = cells;

    public int RetryCells => Planner.Logical.SetDifferenceJoin.RetryCells(Cells);

    public override IReadOnlyList<SqlType> OutputTypes => Input.OutputTypes;

    public override IReadOnlyList<PhysicalOperator> Children => [Input, Sketch, Retry, Fallback];

    /// <summary>The children whose remote inputs may start when the plan opens: not the retry or the fallback.</summary>
    public IReadOnlyList<PhysicalOperator> StartedChildren => [Input, Sketch];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount)
    {
        var keys = context.Shared(this, () => new Reconciliation(this, context).Run());
        return keys.KeepsNothing ? new EmptyStream() : new Stream(this, keys, Input.Open(context, partition, partitionCount));
    }

    public override string ToString() => $"SetDifferenceJoin {Type} [{Key}] cells={Cells}";

    private sealed class Stream(SetDifferenceJoinOperator plan, ReconciledKeys keys, OperatorStream input) : RowSelectingStream(input)
    {
        private readonly IntegerKeyReader _keys = new(plan.Key);

        protected override int Select(Batch batch, int[] selection)
        {
            var count = _keys.Read(batch);
            var rows = batch.Rows;
            var kept = 0;
            for (var k = 0; k < count; k++)
            {
                if (keys.Keeps(_keys.IsNull[k], _keys.Values[k]))
                    selection[kept++] = rows[k];
            }
            return kept;
        }
    }
}
