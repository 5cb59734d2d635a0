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
        var states = new Worker?[workers];
        try
        {
            ParallelDrain.Run(context, Input, workers, (w, batch) =>
                (states[w] ??= new Worker(this, new GroupTable(keyTypes, Aggregates, context.Memory), context)).Accumulate(batch));
            var result = states[0]?.Table ?? new GroupTable(keyTypes, Aggregates, context.Memory);
            states[0] = null;
            for (var w = 1; w < workers; w++)
            {
                if (states[w] is { } other)
                    result.Merge(other.Table);
            }
            return result;
        }
        finally
        {
            foreach (var s in states)
                s?.Table.Dispose();
        }
    }

    /// <summary>One worker's table and the slots its batches' evaluated keys and arguments go in, allocated once per
    /// worker rather than per batch.</summary>
    private sealed class Worker
    {
        private readonly HashAggregateOperator _plan;
        private readonly EvaluationScratch _scratch;
        private readonly Vector[] _keys;
        private readonly Vector?[] _arguments;
        private readonly Vector[]?[] _extraInputs;

        public Worker(HashAggregateOperator plan, GroupTable table, QueryContext context)
        {
            _plan = plan;
            _scratch = new EvaluationScratch(context);
            Table = table;
            _keys = new Vector[plan.GroupKeys.Count];
            _arguments = new Vector?[plan.Aggregates.Count];
            _extraInputs = plan._extra
                ? [.. plan.Aggregates.Select(a => a.ExtraInputs.Count > 0 ? new Vector[a.ExtraInputs.Count] : null)]
                : [];
        }

        public GroupTable Table { get; }

        public void Accumulate(Batch batch)
        {
            var groupKeys = _plan.GroupKeys;
            var aggregates = _plan.Aggregates;
            for (var i = 0; i < _keys.Length; i++)
                _keys[i] = groupKeys[i].EvaluateToVector(batch, _scratch);
            for (var i = 0; i < _arguments.Length; i++)
                _arguments[i] = aggregates[i].Argument?.EvaluateToVector(batch, _scratch);
            for (var i = 0; i < _extraInputs.Length; i++)
            {
                if (_extraInputs[i] is { } extra)
                {
                    for (var k = 0; k < extra.Length; k++)
                        extra[k] = aggregates[i].ExtraInputs[k].EvaluateToVector(batch, _scratch);
                }
            }
            Table.Add(batch.Rows, _keys, _arguments, _extraInputs);
            // Released in reverse order of evaluation, as the scratch hands vectors out.
            for (var i = _extraInputs.Length - 1; i >= 0; i--)
            {
                for (var k = (_extraInputs[i]?.Length ?? 0) - 1; k >= 0; k--)
                    _scratch.Release(_extraInputs[i]![k]);
            }
            for (var i = _arguments.Length - 1; i >= 0; i--)
            {
                if (_arguments[i] is { } a)
                    _scratch.Release(a);
            }
            for (var i = _keys.Length - 1; i >= 0; i--)
                _scratch.Release(_keys[i]);
        }
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
