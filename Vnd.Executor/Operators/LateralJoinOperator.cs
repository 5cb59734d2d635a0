using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Logical;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators;

/// <summary>
/// LATERAL as PostgreSQL's parameterised nested loop: for each input row the subquery runs with the row's values in
/// place of its references (<see cref="CorrelatedValues"/>), planned by <see cref="Planner"/>, and the row is joined
/// with each row it returns; <see cref="Outer"/> keeps a row with no subquery rows, NULL-extended. Results are kept
/// per distinct value list, so a subquery runs once per distinct outer key rather than once per row (a cache that
/// is dropped when it grows past <see cref="CachedRowLimit"/> rows). Output batches are gathered column-wise, each
/// from one input batch. The optimizer turns the common shapes into joins; this is the general case.
/// </summary>
public sealed class LateralJoinOperator : PhysicalOperator
{
    /// <summary>Kept subquery rows (all keys) above which the cache starts over, bounding memory.</summary>
    public const int CachedRowLimit = 1 << 20;

    public LateralJoinOperator(PhysicalOperator input, LogicalPlan subquery, (ColumnId Id, int Ordinal, SqlType Type)[] outer, bool outerJoin,
        Func<LogicalPlan, PhysicalOperator> planner)
    {
        Input = input;
        Subquery = subquery;
        Correlation = new CorrelatedValues(outer);
        Outer = outerJoin;
        Planner = planner;
        SubqueryTypes = [.. subquery.Output.Select(c => c.Type)];
        OutputTypes = [.. input.OutputTypes, .. SubqueryTypes];
    }

    public PhysicalOperator Input { get; }

    public LogicalPlan Subquery { get; }

    public CorrelatedValues Correlation { get; }

    public bool Outer { get; }

    public Func<LogicalPlan, PhysicalOperator> Planner { get; }

    public IReadOnlyList<SqlType> SubqueryTypes { get; }

    public override IReadOnlyList<SqlType> OutputTypes { get; }

    public override IReadOnlyList<PhysicalOperator> Children => [Input];

    public override OperatorStream Open(QueryContext context, int partition, int partitionCount) =>
        new Stream(this, Input.Open(context, partition, partitionCount), context);

    public override string ToString() => Outer ? "Lateral Left Join" : "Lateral Join";

    private sealed class Stream(LateralJoinOperator plan, OperatorStream input, QueryContext context)
        : RowExpansionStream(input, context, plan.OutputTypes, plan.Input.OutputTypes.Count)
    {
        private readonly int[] _resultRows = new int[Batch.Capacity];
        private readonly Dictionary<string, InMemoryTable> _results = new(StringComparer.Ordinal);
        private long _cachedRows;
        private object?[]? _lastValues;
        private InMemoryTable? _lastResult;
        // The input row's subquery rows and where in them the next output starts.
        private InMemoryTable _current = null!;
        private int _batchIndex;
        private int _offset;

        protected override void OnInput(Batch? batch)
        {
        }

        protected override void Begin(Batch batch, int row)
        {
            _current = Results(batch, row);
            (_batchIndex, _offset) = (0, 0);
        }

        protected override int Emit(Batch output, int at, int room, out bool done)
        {
            if (_current.RowCount == 0)
            {
                done = true;
                if (!plan.Outer)
                    return 0;
                for (var c = 0; c < plan.SubqueryTypes.Count; c++)
                    VectorCopy.SetNulls(output[InputColumns + c], at, 1);
                return 1;
            }
            var count = 0;
            while (count < room && _batchIndex < _current.Batches.Count)
            {
                var batch = _current.Batches[_batchIndex];
                var n = Math.Min(batch.Count - _offset, room - count);
                for (var k = 0; k < n; k++)
                    _resultRows[k] = _offset + k;
                for (var c = 0; c < plan.SubqueryTypes.Count; c++)
                    VectorCopy.Gather(batch[c], _resultRows.AsSpan(0, n), output[InputColumns + c], at + count);
                count += n;
                _offset += n;
                if (_offset == batch.Count)
                    (_batchIndex, _offset) = (_batchIndex + 1, 0);
            }
            done = _batchIndex >= _current.Batches.Count;
            return count;
        }

        /// <summary>The subquery's rows for one input row; consecutive rows with equal values share one lookup.</summary>
        private InMemoryTable Results(Batch batch, int row)
        {
            var values = plan.Correlation.Read(batch, row);
            if (_lastResult is not null && SameValues(values, _lastValues!))
                return _lastResult;
            var key = plan.Correlation.Key(values);
            if (!_results.TryGetValue(key, out var result))
            {
                result = Run(values);
                if (_cachedRows + result.RowCount > CachedRowLimit)
                {
                    _results.Clear();
                    _cachedRows = 0;
                }
                _results[key] = result;
                _cachedRows += result.RowCount;
            }
            (_lastValues, _lastResult) = (values, result);
            return result;
        }

        private static bool SameValues(object?[] a, object?[] b)
        {
            for (var i = 0; i < a.Length; i++)
            {
                if (!Equals(a[i], b[i]))
                    return false;
            }
            return true;
        }

        private InMemoryTable Run(object?[] values)
        {
            var result = new InMemoryTable(plan.SubqueryTypes);
            using var subqueryContext = new QueryContext(Context.Cancellation, Context.Memory, parallelism: 1, Context.Buffers, Context.Workers);
            using var stream = plan.Planner(plan.Correlation.Substitute(plan.Subquery, values)).Open(subqueryContext);
            while (stream.Next() is { } batch)
                result.Append(batch);
            return result;
        }

    }
}
