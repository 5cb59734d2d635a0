using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// GROUP BY keys with aggregates (or DISTINCT, with no aggregates). Each worker drains one partition of the input
/// into its own <see cref="GroupTable"/> (no locks on the hot path); the tables are merged, then the groups stream
/// out from partition 0: key columns first, then one column per aggregate.
/// </summary>
public sealed class HashAggregateOperator : PhysicalOperator
{
    /// <summary>Some aggregate reads more than its argument (ORDER BY keys, or X of corr/regr_*), evaluated per batch beside it.</summary>
    private readonly bool _extra;

    public HashAggregateOperator(PhysicalOperator input, IReadOnlyList<Expression> groupKeys, IReadOnlyList<AggregateCall> aggregates)
    {
        Input = input;
        GroupKeys = groupKeys;
        Aggregates = aggregates;
        OutputTypes = [.. groupKeys.Select(k => k.Type), .. aggregates.Select(a => a.ResultType)];
        _extra = aggregates.Any(a => a.ExtraInputs.Count > 0);
    }


    public PhysicalOperator Input { get; }

    public IReadOnlyList<Expression> GroupKeys { get; }

    public IReadOnlyList<AggregateCall> Aggregates { get; }

    public override IReadOnlyList<SqlType> OutputTypes { get; }

    public override IReadOnlyList<PhysicalOperator> Children => [Input];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount) =>
        partition == 0 ? new Stream(this, context) : new EmptyStream();

    public override string ToString() =>
        $"HashAggregate keys=[{string.Join(", ", GroupKeys)}] aggregates=[{string.Join(", ", Aggregates)}]";

    /// <summary>Builds the merged group table from the whole input.</summary>
    internal GroupTable Build(QueryContext context)
    {
        var workers = context.Parallelism;
        var keyTypes = GroupKeys.Select(k => k.Type).ToArray();
        var tables = new GroupTable?[workers];
        var scratches = new EvaluationScratch?[workers];
        try
        {
            ParallelDrain.Run(context, Input, workers, (w, batch) =>
            {
                var table = tables[w] ??= new GroupTable(keyTypes, Aggregates, context.Memory);
                var scratch = scratches[w] ??= new EvaluationScratch();
                Accumulate(table, batch, scratch);
            });
            var result = tables[0] ?? new GroupTable(keyTypes, Aggregates, context.Memory);
            tables[0] = null;
            for (var w = 1; w < workers; w++)
            {
                if (tables[w] is { } other)
                    result.Merge(other);
            }
            return result;
        }
        finally
        {
            foreach (var t in tables)
                t?.Dispose();
        }
    }

    private void Accumulate(GroupTable table, Batch batch, EvaluationScratch scratch)
    {
        var keys = new Vector[GroupKeys.Count];
        var arguments = new Vector?[Aggregates.Count];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = GroupKeys[i].EvaluateToVector(batch, scratch);
        for (var i = 0; i < arguments.Length; i++)
            arguments[i] = Aggregates[i].Argument?.EvaluateToVector(batch, scratch);
        var extraInputs = _extra ? new Vector[]?[Aggregates.Count] : null;
        for (var i = 0; extraInputs is not null && i < extraInputs.Length; i++)
        {
            if (Aggregates[i].ExtraInputs is { Count: > 0 } extra)
                extraInputs[i] = extra.Select(e => e.EvaluateToVector(batch, scratch)).ToArray();
        }
        table.Add(batch.Rows, keys, arguments, extraInputs);
        for (var i = (extraInputs?.Length ?? 0) - 1; i >= 0; i--)
        {
            for (var k = (extraInputs![i]?.Length ?? 0) - 1; k >= 0; k--)
                scratch.Release(extraInputs[i]![k]);
        }
        for (var i = arguments.Length - 1; i >= 0; i--)
        {
            if (arguments[i] is { } a)
                scratch.Release(a);
        }
        for (var i = keys.Length - 1; i >= 0; i--)
            scratch.Release(keys[i]);
    }

    private sealed class Stream(HashAggregateOperator plan, QueryContext context) : OperatorStream
    {
        private readonly Batch _output = new(plan.OutputTypes);
        private readonly int[] _ids = new int[Batch.Capacity];
        private GroupTable? _groups;
        private int _next;

        public override Batch? Next()
        {
            _groups ??= plan.Build(context);
            var remaining = _groups.Count - _next;
            if (remaining <= 0)
                return null;
            context.CheckCancelled();
            var n = Math.Min(remaining, Batch.Capacity);
            _output.Reset();
            for (var i = 0; i < n; i++)
                _ids[i] = _next + i;
            var keyCount = _groups.KeyCount;
            for (var c = 0; c < keyCount; c++)
                _groups.KeyValues.Gather(c, _ids.AsSpan(0, n), _output[c], 0);
            for (var a = 0; a < _groups.Accumulators.Length; a++)
                _groups.Accumulators[a].Finish(_next, n, _output[keyCount + a]);
            _output.Count = n;
            _next += n;
            return _output;
        }

        protected override void Dispose(bool disposing) => _groups?.Dispose();
    }
}
