using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.SetReconciliation;

/// <summary>
/// One site's half of a decomposed aggregate (<see cref="Planner.Logical.ReconciledPartial"/>): reconciles its keys
/// with the other site's table (<see cref="PartialReconciliation"/>) and outputs (key int8, summary bytea) rows: the
/// <see cref="PartialSummary"/> with a NULL key, then every key only the other site has, with a NULL summary. The whole
/// output is produced on partition 0. <see cref="Retry"/> is opened only when the first table does not peel;
/// <see cref="Remote.RemoteInputsStart"/> leaves it unstarted (see <see cref="StartedChildren"/>).
/// </summary>
public sealed class ReconciledPartialOperator(PhysicalOperator input, PhysicalOperator sketch, PhysicalOperator retry, Expression key,
    Expression[] terms, int cells) : PhysicalOperator
{
    public PhysicalOperator Input { get; } = input;

    public PhysicalOperator Sketch { get; } = sketch;

    public PhysicalOperator Retry { get; } = retry;

    public Expression Key { get; } = key;

    public Expression[] Terms { get; } = terms;

    public int Cells { get; } = cells;

    public int RetryCells => Planner.Logical.SetDifferenceJoin.RetryCells(Cells);

    public override IReadOnlyList<SqlType> OutputTypes { get; } = [SqlType.Int8, SqlType.Bytea];

    public override IReadOnlyList<PhysicalOperator> Children => [Input, Sketch, Retry];

    /// <summary>The children whose remote inputs may start when the plan opens: not the retry.</summary>
    public IReadOnlyList<PhysicalOperator> StartedChildren => [Input, Sketch];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount) =>
        partition == 0 ? new Stream(this, context) : new EmptyStream();

    public override string ToString() => $"ReconciledPartial [{Key}] terms={Terms.Length} cells={Cells}";

    private sealed class Stream(ReconciledPartialOperator plan, QueryContext context) : OperatorStream
    {
        private readonly Batch _output = new(plan.OutputTypes);
        private PartialSummary? _summary;
        private List<long> _onlyThere = [];
        private int _next = -1;

        public override Batch? Next()
        {
            if (_summary is null)
                (_summary, _onlyThere) = new PartialReconciliation(plan, context).Run();
            if (_next >= _onlyThere.Count)
                return null;
            _output.Reset();
            var row = 0;
            if (_next < 0)
            {
                Span<byte> summary = stackalloc byte[_summary.Bytes];
                _summary.WriteTo(summary);
                _output[0].Set(row, 0L);
                _output[0].SetNull(row);
                _output[1].SetBytes(row++, summary);
                _next = 0;
            }
            for (; row < Batch.Capacity && _next < _onlyThere.Count; row++)
            {
                _output[0].Set(row, _onlyThere[_next++]);
                _output[1].SetBytes(row, default);
                _output[1].SetNull(row);
            }
            _output.Count = row;
            return _output;
        }
    }
}
