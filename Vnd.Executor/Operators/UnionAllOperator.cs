using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators;

/// <summary>UNION ALL: the inputs one after another; partition p reads partition p of every input.</summary>
public sealed class UnionAllOperator : PhysicalOperator
{
    private readonly PhysicalOperator[] _inputs;

    public UnionAllOperator(params PhysicalOperator[] inputs)
    {
        if (inputs.Length == 0)
            throw new ArgumentException("UNION ALL needs an input", nameof(inputs));
        _inputs = inputs;
    }

    public override IReadOnlyList<SqlType> OutputTypes => _inputs[0].OutputTypes;

    public override IReadOnlyList<PhysicalOperator> Children => _inputs;

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount) =>
        new Stream(_inputs, context, partition, partitionCount);

    public override string ToString() => "UnionAll";

    private sealed class Stream(PhysicalOperator[] inputs, QueryContext context, int partition, int partitionCount) : OperatorStream
    {
        private int _index = -1;
        private OperatorStream? _current;

        public override Batch? Next()
        {
            while (true)
            {
                if (_current?.Next() is { } batch)
                    return batch;
                _current?.Dispose();
                _current = null;
                if (++_index >= inputs.Length)
                    return null;
                _current = inputs[_index].Open(context, partition, partitionCount);
            }
        }

        protected override void Dispose(bool disposing) => _current?.Dispose();
    }
}
