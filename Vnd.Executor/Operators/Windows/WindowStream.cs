using System.Runtime.InteropServices;
using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators.Sorting;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.Windows;

/// <summary>Computes a <see cref="WindowOperator"/>: sorted row ids, partition and peer boundaries, one result
/// vector per function indexed by sorted position.</summary>
internal sealed class WindowStream(WindowOperator plan, QueryContext context) : OperatorStream
{
    private readonly Batch _output = new(plan.OutputTypes);
    private readonly int[] _ids = new int[Batch.Capacity];
    private readonly int[] _positions = new int[Batch.Capacity];
    private ColumnCollection? _rows;
    private int[] _order = [];
    private Vector[] _results = [];
    private int _next;

    public override Batch? Next()
    {
        if (_rows is null)
            Compute();
        context.CheckCancelled();
        var n = Math.Min(Batch.Capacity, _order.Length - _next);
        if (n <= 0)
            return null;
        _output.Reset();
        for (var i = 0; i < n; i++)
        {
            _ids[i] = _order[_next + i];
            _positions[i] = _next + i;
        }
        var inputColumns = _rows!.ColumnCount;
        for (var c = 0; c < inputColumns; c++)
            _rows.Gather(c, _ids.AsSpan(0, n), _output[c], 0);
        for (var f = 0; f < _results.Length; f++)
            VectorCopy.Gather(_results[f], _positions.AsSpan(0, n), _output[inputColumns + f], 0);
        _output.Count = n;
        _next += n;
        return _output;
    }

    protected override void Dispose(bool disposing) => _rows?.Dispose();

    private void Compute()
    {
        var rows = new ColumnCollection(plan.Input.OutputTypes, context.Memory);
        var partitionKeys = plan.PartitionBy.Select(e => new SortKey(e)).ToArray();
        List<SortKey> allKeys = [.. partitionKeys, .. plan.OrderBy];
        List<KeyColumn> keys = [new(partitionKeys), new(plan.OrderBy.ToArray()), new([.. allKeys])];
        var ranges = plan.Functions.Select(f => RangeKeys(f.EffectiveFrame.Offsets, keys)).ToArray();
        var extremes = plan.Functions.Select(f => ExtremeKeys(f, keys)).ToArray();
        var scratch = new EvaluationScratch(context);
        // Two columns per function: its argument and, for lag/lead, the default (NULL when absent).
        var argumentTypes = plan.Functions.SelectMany(f => new[] { f.Argument?.Type ?? SqlType.Bool, f.Default?.Type ?? f.ResultType }).ToArray();
        var nulls = plan.Functions.Select(f => VectorValues.Constant(f.ResultType, null)).ToArray();
        var arguments = new ColumnCollection(argumentTypes, context.Memory);
        var values = new Vector[argumentTypes.Length];
        var offsetsChecked = false;
        ParallelDrain.Run(context, plan.Input, 1, (_, batch) =>
        {
            if (!offsetsChecked && batch.Rows.Length > 0)
            {
                foreach (var f in plan.Functions)
                    RangeOffsetCheck.Check(f.EffectiveFrame.Offsets, batch, scratch);
                offsetsChecked = true;
            }
            foreach (var key in keys)
                key.Add(batch, scratch);
            for (var f = 0; f < plan.Functions.Count; f++)
            {
                var function = plan.Functions[f];
                values[2 * f] = function.Argument is null ? Constant : function.Argument.EvaluateToVector(batch, scratch);
                values[2 * f + 1] = function.Default is null ? nulls[f] : function.Default.EvaluateToVector(batch, scratch);
            }
            arguments.Append(values, batch.Rows);
            foreach (var v in values)
                scratch.Release(v);
            rows.Append(batch);
        });
        _rows = rows;
        var count = rows.Count;
        _order = Enumerable.Range(0, count).ToArray();
        var full = keys[2];
        Array.Sort(_order, (a, b) => full.Compare(a, b) is var c && c != 0 ? c : a.CompareTo(b));
        _results = plan.Functions.Select(f => new Vector(f.ResultType, Math.Max(count, 1))).ToArray();
        foreach (var r in _results)
            r.ResetFlat();
        var aggregations = plan.Functions.Select((f, i) => f.Kind == WindowKind.Aggregate ? new FrameAggregation(f, context.Memory, extremes[i]) : null).ToArray();
        var peers = new PeerGroups();
        var start = 0;
        while (start < count)
        {
            var end = start + 1;
            while (end < count && keys[0].Compare(_order[start], _order[end]) == 0)
                end++;
            peers.Find(_order, start, end, keys[1], plan.OrderBy.Count > 0);
            for (var f = 0; f < plan.Functions.Count; f++)
            {
                WindowFunctions.Compute(plan.Functions[f], _order, peers, ranges[f], aggregations[f],
                    arguments.Column(2 * f), arguments.Column(2 * f + 1), _results[f]);
            }
            context.CheckCancelled();
            start = end;
        }
        arguments.Dispose();
    }

    /// <summary>The encoded key and edge columns of a RANGE frame with offsets, added to the columns filled per batch.
    /// A bound without an offset gets the key itself (never searched).</summary>
    /// <summary>min/max over a moving frame: the argument encoded so the better value is the smaller key (DESC for
    /// max), for <see cref="FrameAggregation"/>'s monotonic deque.</summary>
    private static KeyColumn? ExtremeKeys(WindowCall function, List<KeyColumn> keys)
    {
        if (function.Aggregate is not { Kind: Aggregates.AggregateKind.Min or Aggregates.AggregateKind.Max, Distinct: false, Argument: { } argument } aggregate
            || function.EffectiveFrame.StartsAtPartitionStart)
            return null;
        var column = new KeyColumn([new SortKey(argument, aggregate.Kind == Aggregates.AggregateKind.Max)]);
        keys.Add(column);
        return column;
    }

    private static RangeFrameKeys? RangeKeys(RangeOffsets? offsets, List<KeyColumn> keys)
    {
        if (offsets is null)
            return null;
        var key = offsets.Key;
        var columns = new[] { new KeyColumn([key]), Edge(offsets.Start), Edge(offsets.End) };
        keys.AddRange(columns);
        return new RangeFrameKeys(columns[0], columns[1], columns[2]);

        KeyColumn Edge(Expressions.Expression? edge) => new([key with { Expression = edge ?? key.Expression }]);
    }

    private static readonly Vector Constant = VectorValues.Constant(SqlType.Bool, true);

    /// <summary>Normalised keys of every row for one key list, compared bytewise.</summary>
    internal sealed class KeyColumn(SortKey[] keys)
    {
        private readonly SortKeyEncoder? _encoder = keys.Length == 0 ? null : new SortKeyEncoder(keys);
        private readonly List<byte> _bytes = [];
        private readonly List<int> _ends = [];

        public void Add(Batch batch, EvaluationScratch scratch)
        {
            if (_encoder is null)
                return;
            var columns = keys.Select(k => k.Expression.EvaluateToVector(batch, scratch)).ToArray();
            _encoder.Encode(columns, batch.Rows, _bytes, _ends);
            foreach (var c in columns)
                scratch.Release(c);
        }

        public int Compare(int a, int b) => _encoder is null ? 0 : Key(a).SequenceCompareTo(Key(b));

        /// <summary>Row <paramref name="a"/>'s key against row <paramref name="b"/>'s key in another column encoded
        /// alike (same type, direction and NULL placement).</summary>
        public int CompareWith(int a, KeyColumn other, int b) => Key(a).SequenceCompareTo(other.Key(b));

        /// <summary>Whether the first key of row <paramref name="id"/> is NULL: its NULL-position byte says so.</summary>
        public bool IsNull(int id) => Key(id)[0] == (keys[0].NullsFirstEffective ? 0 : 1);

        private ReadOnlySpan<byte> Key(int id)
        {
            var start = id == 0 ? 0 : _ends[id - 1];
            return CollectionsMarshal.AsSpan(_bytes).Slice(start, _ends[id] - start);
        }
    }
}
