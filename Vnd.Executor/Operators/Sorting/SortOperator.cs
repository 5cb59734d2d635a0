using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.Sorting;

/// <summary>
/// ORDER BY (and top-N when a limit is given). Workers sort their own runs in parallel; partition 0 then merges
/// the runs by comparing normalised keys and streams the rows out. OFFSET/LIMIT are applied by a LimitOperator
/// above; <see cref="Limit"/> only bounds the rows kept (limit + offset).
/// </summary>
public sealed class SortOperator : PhysicalOperator
{
    public SortOperator(PhysicalOperator input, IReadOnlyList<SortKey> keys, long? limit = null)
    {
        if (keys.Count == 0)
            throw new ArgumentException("ORDER BY needs a key", nameof(keys));
        Input = input;
        Keys = keys;
        Limit = limit;
    }

    public PhysicalOperator Input { get; }

    public IReadOnlyList<SortKey> Keys { get; }

    public long? Limit { get; }

    public override IReadOnlyList<SqlType> OutputTypes => Input.OutputTypes;

    public override IReadOnlyList<PhysicalOperator> Children => [Input];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount) =>
        partition == 0 ? new Stream(this, context) : new EmptyStream();

    public override string ToString() => $"Sort [{string.Join(", ", Keys)}]" + (Limit is null ? "" : $" top {Limit}");

    private SortRun[] BuildRuns(QueryContext context)
    {
        var workers = context.Parallelism;
        var runs = new SortRun?[workers];
        var scratches = new EvaluationScratch?[workers];
        var encoder = new SortKeyEncoder(Keys);
        try
        {
            ParallelDrain.Run(context, Input, workers, (w, batch) =>
            {
                var run = runs[w] ??= new SortRun(Input.OutputTypes, context.Memory, Limit);
                var scratch = scratches[w] ??= new EvaluationScratch(context);
                var columns = new Vector[Keys.Count];
                for (var i = 0; i < columns.Length; i++)
                    columns[i] = Keys[i].Expression.EvaluateToVector(batch, scratch);
                run.Add(batch, columns, encoder);
                for (var i = columns.Length - 1; i >= 0; i--)
                    scratch.Release(columns[i]);
            });
            var present = runs.Where(r => r is not null).Select(r => r!).ToArray();
            // An input with no batches at all (an empty in-memory catalog table) leaves no run to sort.
            if (present.Length > 0)
                ParallelDrain.For(context, present.Length, i => present[i].Sort());
            return present;
        }
        catch
        {
            foreach (var r in runs)
                r?.Dispose();
            throw;
        }
    }

    private sealed class Stream(SortOperator plan, QueryContext context) : OperatorStream
    {
        private readonly Batch _output = new(plan.OutputTypes);
        private SortRun[]? _runs;
        private int[] _cursors = [];
        private long _emitted;

        public override Batch? Next()
        {
            if (_runs is null)
            {
                _runs = plan.BuildRuns(context);
                _cursors = new int[_runs.Length];
            }
            context.CheckCancelled();
            _output.Reset();
            var n = 0;
            var limit = plan.Limit ?? long.MaxValue;
            while (n < Batch.Capacity && _emitted < limit)
            {
                var best = -1;
                for (var r = 0; r < _runs.Length; r++)
                {
                    if (_cursors[r] >= _runs[r].Order.Length)
                        continue;
                    if (best < 0 || _runs[r].Key(_runs[r].Order[_cursors[r]]).SequenceCompareTo(_runs[best].Key(_runs[best].Order[_cursors[best]])) < 0)
                        best = r;
                }
                if (best < 0)
                    break;
                var run = _runs[best];
                var id = run.Order[_cursors[best]++];
                for (var c = 0; c < _output.ColumnCount; c++)
                    run.Rows.Gather(c, [id], _output[c], n);
                n++;
                _emitted++;
            }
            if (n == 0)
                return null;
            _output.Count = n;
            return _output;
        }

        protected override void Dispose(bool disposing)
        {
            foreach (var r in _runs ?? [])
                r.Dispose();
        }
    }
}
