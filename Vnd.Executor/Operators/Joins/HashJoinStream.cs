using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators.Hashing;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Joins;

/// <summary>
/// One probing partition of a hash join. For each probe batch it looks every key up once, then walks the match
/// chains emitting up to a batch of (probe row, build row) pairs at a time: probe columns are gathered from the
/// probe batch, build columns from the materialised build rows, and the residual narrows the selection. Outer,
/// semi and anti joins track which rows matched; the last partition to finish reports unmatched build rows.
/// </summary>
internal sealed class HashJoinStream : OperatorStream
{
    private readonly HashJoinOperator _plan;
    private readonly JoinHashTable _table;
    private readonly OperatorStream _probe;
    private readonly QueryContext _context;
    private readonly int _partitionCount;
    private readonly KeyEncoder _encoder;
    private readonly JoinKeyEncoder? _packedEncoder;
    private readonly EvaluationScratch _scratch;
    private readonly Batch _output;
    private readonly IReadOnlyList<Expression> _residual;
    private readonly int _probeColumns;
    private readonly int[] _heads = new int[Batch.Capacity];
    private readonly bool[] _matched = new bool[Batch.Capacity];
    private readonly bool[] _nullKey = new bool[Batch.Capacity];
    private readonly int[] _pairProbe = new int[Batch.Capacity];
    private readonly int[] _pairIndex = new int[Batch.Capacity];
    private readonly int[] _pairBuild = new int[Batch.Capacity];
    private readonly int[] _selection = new int[Batch.Capacity];
    private readonly Vector[] _keyVectors;
    private Batch? _batch;
    private int _cursor;
    private int _chain = -1;
    private bool _probeDone;
    private int _unmatchedBuildCursor = -1;

    public HashJoinStream(HashJoinOperator plan, JoinHashTable table, OperatorStream probe, QueryContext context, int partitionCount)
    {
        _scratch = new EvaluationScratch(context);
        _plan = plan;
        _table = table;
        _probe = probe;
        _context = context;
        _partitionCount = partitionCount;
        _encoder = new KeyEncoder(plan.ProbeKeys.Select(k => k.PhysicalType).ToArray(), nullsAreValues: false);
        _packedEncoder = plan.ProbeLayout is { } layout ? new JoinKeyEncoder(layout) : null;
        _output = new Batch(plan.EmitsBuildColumns ? plan.OutputTypes : [.. plan.Probe.OutputTypes, .. plan.Build.OutputTypes]);
        _probeColumns = plan.Probe.OutputTypes.Count;
        _keyVectors = new Vector[plan.ProbeKeys.Count];
        _residual = plan.Residual is null ? [] : [plan.Residual];
    }

    private JoinType Type => _plan.Type;

    public override Batch? Next()
    {
        while (true)
        {
            if (_batch is null)
            {
                if (_probeDone)
                    return NextUnmatchedBuild();
                _batch = _probe.Next();
                if (_batch is null)
                {
                    _probeDone = true;
                    if (Type is JoinType.Right or JoinType.Full && _table.FinishProbe(_partitionCount))
                        _unmatchedBuildCursor = 0;
                    continue;
                }
                _context.CheckCancelled();
                Lookup(_batch);
                if (_residual.Count == 0 && Type is JoinType.Semi or JoinType.Anti or JoinType.NullAwareAnti)
                {
                    var result = FilterByMatch(_batch);
                    _batch = null;
                    if (result is not null)
                        return result;
                    continue;
                }
            }
            var pairs = FillPairs(_batch);
            if (pairs > 0)
            {
                var output = EmitPairs(_batch, pairs);
                if (output is not null)
                    return output;
                continue;
            }
            var tail = FinishProbeBatch(_batch);
            _batch = null;
            if (tail is not null)
                return tail;
        }
    }

    private void Lookup(Batch batch)
    {
        var rows = batch.Rows;
        for (var i = 0; i < _keyVectors.Length; i++)
            _keyVectors[i] = _plan.ProbeKeys[i].EvaluateToVector(batch, _scratch);
        if (_table.Dense is { } dense)
        {
            var key = _keyVectors[0];
            switch (_plan.ProbeKeys[0].PhysicalType)
            {
                case PhysicalType.Int16: LookupDense<short>(dense, key, rows); break;
                case PhysicalType.Int32: LookupDense<int>(dense, key, rows); break;
                default: LookupDense<long>(dense, key, rows); break;
            }
            _scratch.Release(key);
        }
        else if (_table.Packed)
        {
            LookupPacked(rows);
        }
        else
        {
            LookupHashed(rows);
        }
        _matched.AsSpan(0, rows.Length).Clear();
        _cursor = 0;
        _chain = rows.Length > 0 ? _heads[0] : -1;
    }

    private void LookupHashed(ReadOnlySpan<int> rows)
    {
        _encoder.Encode(_keyVectors, rows);
        for (var i = _keyVectors.Length - 1; i >= 0; i--)
            _scratch.Release(_keyVectors[i]);
        // Prefetch every row's slot first so the batch's cache misses overlap, then look the keys up.
        var hashes = _encoder.Hashes;
        for (var k = 0; k < rows.Length; k++)
            _table.Prefetch(hashes[k]);
        for (var k = 0; k < rows.Length; k++)
        {
            var isNull = _encoder.HasNull[k];
            _nullKey[k] = isNull;
            _heads[k] = isNull ? -1 : _table.Find(hashes[k], _encoder.Key(k));
        }
    }

    /// <summary>A probe of packed keys (see <see cref="JoinKeyTable"/>): one batch call, prefetches included.</summary>
    private void LookupPacked(ReadOnlySpan<int> rows)
    {
        var encoder = _packedEncoder!;
        encoder.Encode(_keyVectors, rows);
        for (var i = _keyVectors.Length - 1; i >= 0; i--)
            _scratch.Release(_keyVectors[i]);
        encoder.HasNull.AsSpan(0, rows.Length).CopyTo(_nullKey);
        _table.FindPacked(encoder, _heads.AsSpan(0, rows.Length));
    }

    /// <summary>A probe of a dense build side (see <see cref="DenseKeyIndex"/>): the key values index it directly.</summary>
    private void LookupDense<T>(DenseKeyIndex dense, Vector key, ReadOnlySpan<int> rows) where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        var data = key.Data<T>();
        if (!key.IsConstant && key.Validity.AllValid)
        {
            _nullKey.AsSpan(0, rows.Length).Clear();
            for (var k = 0; k < rows.Length; k++)
                _heads[k] = dense.Find(long.CreateTruncating(data[rows[k]]));
            return;
        }
        for (var k = 0; k < rows.Length; k++)
        {
            var row = key.IsConstant ? 0 : rows[k];
            var isNull = key.Validity.IsNull(row);
            _nullKey[k] = isNull;
            _heads[k] = isNull ? -1 : dense.Find(long.CreateTruncating(data[row]));
        }
    }

    /// <summary>Semi/anti join without a residual: the lookup alone decides, so just narrow the selection.</summary>
    private Batch? FilterByMatch(Batch batch)
    {
        var rows = batch.Rows;
        var buildEmpty = _table.RowCount == 0;
        if (Type == JoinType.NullAwareAnti && _table.HasNullKey)
            return null;
        var kept = 0;
        for (var k = 0; k < rows.Length; k++)
        {
            var keep = Type switch
            {
                JoinType.Semi => _heads[k] >= 0,
                JoinType.Anti => _heads[k] < 0,
                _ => buildEmpty || (_heads[k] < 0 && !_nullKey[k]),
            };
            if (keep)
                _selection[kept++] = rows[k];
        }
        if (kept == 0)
            return null;
        batch.SetSelection(_selection, kept);
        return batch;
    }

    private int FillPairs(Batch batch)
    {
        var rows = batch.Rows;
        var n = 0;
        var next = _table.Next;
        while (_cursor < rows.Length && n < Batch.Capacity)
        {
            if (_chain < 0)
            {
                if (++_cursor < rows.Length)
                    _chain = _heads[_cursor];
                continue;
            }
            _pairProbe[n] = rows[_cursor];
            _pairIndex[n] = _cursor;
            _pairBuild[n] = _chain;
            n++;
            _chain = next[_chain];
        }
        return n;
    }

    private Batch? EmitPairs(Batch batch, int n)
    {
        _output.Reset();
        for (var c = 0; c < _probeColumns; c++)
            VectorCopy.Gather(batch[c], _pairProbe.AsSpan(0, n), _output[c], 0);
        for (var c = 0; c < _table.BuildColumnCount; c++)
            _table.GatherBuild(c, _pairBuild.AsSpan(0, n), _output[_probeColumns + c], 0);
        _output.Count = n;
        _output.Sequence = batch.Sequence;
        if (_residual.Count > 0 && FilterOperator.Apply(_residual, _output, _selection, _scratch) == 0)
            return null;
        foreach (var i in _output.Rows)
        {
            _matched[_pairIndex[i]] = true;
            if (Type is JoinType.Right or JoinType.Full)
                _table.Matched[_pairBuild[i]] = 1;
        }
        return _plan.EmitsBuildColumns ? _output : null;
    }

    /// <summary>After a probe batch's pairs: unmatched probe rows (left/full), or the semi/anti verdicts.</summary>
    private Batch? FinishProbeBatch(Batch batch)
    {
        var rows = batch.Rows;
        var kept = 0;
        var emptyBuild = _table.RowCount == 0;
        for (var k = 0; k < rows.Length; k++)
        {
            var keep = Type switch
            {
                JoinType.Left or JoinType.Full or JoinType.Anti => !_matched[k],
                JoinType.Semi => _matched[k],
                JoinType.NullAwareAnti => emptyBuild || (!_table.HasNullKey && !_matched[k] && !_nullKey[k]),
                _ => false,
            };
            if (keep)
                _selection[kept++] = rows[k];
        }
        if (kept == 0)
            return null;
        if (!_plan.EmitsBuildColumns)
        {
            batch.SetSelection(_selection, kept);
            return batch;
        }
        _output.Reset();
        for (var c = 0; c < _probeColumns; c++)
            VectorCopy.Gather(batch[c], _selection.AsSpan(0, kept), _output[c], 0);
        for (var c = _probeColumns; c < _output.ColumnCount; c++)
            VectorCopy.SetNulls(_output[c], 0, kept);
        _output.Count = kept;
        _output.Sequence = batch.Sequence;
        return _output;
    }

    private Batch? NextUnmatchedBuild()
    {
        if (_unmatchedBuildCursor < 0)
            return null;
        var matched = _table.Matched;
        var count = _table.RowIdLimit;
        var n = 0;
        while (_unmatchedBuildCursor < count && n < Batch.Capacity)
        {
            if (matched[_unmatchedBuildCursor] == 0 && _table.IsRow(_unmatchedBuildCursor))
                _pairBuild[n++] = _unmatchedBuildCursor;
            _unmatchedBuildCursor++;
        }
        if (n == 0)
        {
            _unmatchedBuildCursor = -1;
            return null;
        }
        _output.Reset();
        for (var c = 0; c < _probeColumns; c++)
            VectorCopy.SetNulls(_output[c], 0, n);
        for (var c = 0; c < _table.BuildColumnCount; c++)
            _table.GatherBuild(c, _pairBuild.AsSpan(0, n), _output[_probeColumns + c], 0);
        _output.Count = n;
        // After every probe row, as one partition would emit them.
        _output.Sequence = long.MaxValue;
        return _output;
    }

    protected override void Dispose(bool disposing) => _probe.Dispose();
}
