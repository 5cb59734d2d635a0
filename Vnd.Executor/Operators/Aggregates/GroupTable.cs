using System.Runtime.InteropServices;
using Vnd.Executor.Execution;
using Vnd.Executor.Operators.Hashing;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// One worker's groups: a <see cref="KeyTable"/> from encoded group keys to group numbers, the key values of each
/// group (copied once, when the group first appears) and one accumulator per aggregate. NULL keys are values here,
/// so they form one group. Keys whose columns are all fixed-width and fit in four words (addresses, ports,
/// integers, floats: every key of the diagnosis queries) are packed by <see cref="PackedKeyEncoder"/>; others are
/// byte-encoded by <see cref="KeyEncoder"/>. A table uses one of the two for all its batches, so its keys compare.
/// Packed keys start optimistically in a narrow layout (<see cref="PackedKeyLayout.TryCreateNarrow"/>: ports in 16
/// bits, no NULL flags; the 5-tuple in two words instead of three) while every batch fits it; the first batch that
/// does not (a NULL, a value out of range) re-encodes the groups so far into the wide layout, which the table then
/// keeps. Group numbers do not change, so the accumulators and key values are untouched.
/// When every aggregate is a count and the key goes through the <see cref="DirectKeyIndex"/>, batches the index
/// knows are counted in its lookup loop into tallies per entry (no group numbers, no accumulator call), which are
/// folded into the count accumulators before anyone reads them.
/// </summary>
public sealed class GroupTable : IDisposable
{
    private readonly KeyEncoder? _encoder;
    private readonly PackedKeyEncoder? _packed;
    private readonly DirectKeyIndex? _direct;
    private readonly ulong _directMask;
    private readonly MemoryBudget _memory;
    private PackedKeyEncoder? _narrow;

    /// <summary>The narrow layout's packer when its keys are word pairs (the 5-tuple): planes, packed a vector at a time.</summary>
    private readonly PairPlaneEncoder? _pairs;
    private KeyTable _table;
    private readonly ColumnCollection _keyValues;
    private readonly int[] _groups = new int[Batch.Capacity];
    private readonly int[] _newRows = new int[Batch.Capacity];
    private readonly int[] _fresh = new int[Batch.Capacity];
    private readonly int[] _misses = new int[Batch.Capacity];
    private readonly Accumulator[] _accumulators;

    /// <summary>Set when every aggregate is a <see cref="CountAccumulator"/> (or there are none) and the key is
    /// direct-indexed: the count-only fast path then applies to batches whose key column has no NULLs.</summary>
    private readonly CountTallies? _tallies;
    private readonly int[] _uncounted = new int[Batch.Capacity];
    private int[] _map = [];

    public GroupTable(IReadOnlyList<SqlType> keyTypes, IReadOnlyList<AggregateCall> aggregates, MemoryBudget memory)
    {
        KeyCount = keyTypes.Count;
        _memory = memory;
        var physical = keyTypes.Select(PhysicalTypes.Of).ToArray();
        if (PackedKeyLayout.TryCreate(physical) is { } layout)
        {
            _packed = new PackedKeyEncoder(layout);
            if (PackedKeyLayout.TryCreateNarrow(layout) is { } narrow)
            {
                _narrow = new PackedKeyEncoder(narrow);
                if (narrow.Words == 2)
                    _pairs = new PairPlaneEncoder(narrow);
            }
            _table = new KeyTable((_narrow ?? _packed).Width, memory);
            // One integer-like column (an address, a port, an id) may span few values: index them directly.
            if (layout is { Words: 1, Types: [not PhysicalType.Float64] })
            {
                _direct = new DirectKeyIndex(memory);
                _directMask = layout.Values[0].Mask;
            }
        }
        else
        {
            _encoder = new KeyEncoder(physical, nullsAreValues: true);
            _table = new KeyTable(_encoder.FixedWidth, memory);
        }
        _keyValues = new ColumnCollection(keyTypes, memory);
        _accumulators = aggregates.Select(a => a.CreateAccumulator(memory)).ToArray();
        if (_direct is not null && _accumulators.All(a => a is CountAccumulator))
            _tallies = new CountTallies(memory);
        if (KeyCount == 0)
        {
            // A global aggregate has exactly one group, even over no rows.
            _table.FindOrAdd(0, [], out _);
            foreach (var a in _accumulators)
                a.Resize(1);
        }
    }

    public int KeyCount { get; }

    public int Count => _table.Count;

    /// <summary>One accumulator per aggregate, with every row added so far (the fast path's tallies folded in).</summary>
    public Accumulator[] Accumulators
    {
        get
        {
            _tallies?.FoldInto(_accumulators, Count);
            return _accumulators;
        }
    }

    public ColumnCollection KeyValues => _keyValues;

    /// <summary>Adds the live rows of a batch: <paramref name="keys"/> are the evaluated group keys and
    /// <paramref name="arguments"/> the evaluated aggregate arguments (null for count(*)) and <paramref name="extraInputs"/>
    /// the evaluated ORDER BY keys of ordered aggregates or X of two-argument ones (null for the others; empty when there
    /// are none).</summary>
    public void Add(ReadOnlySpan<int> rows, ReadOnlySpan<Vector> keys, ReadOnlySpan<Vector?> arguments, ReadOnlySpan<Vector[]?> extraInputs = default)
    {
        if (_tallies is not null && CountDirect(rows, keys[0], arguments) is var uncounted and >= 0)
        {
            // Rows whose keys the index did not know (new groups, keys outside its range) take the general path.
            if (uncounted > 0)
                AddRows(_uncounted.AsSpan(0, uncounted), keys, arguments, extraInputs);
            return;
        }
        AddRows(rows, keys, arguments, extraInputs);
    }

    /// <summary>
    /// The count-only fast path: tallies the rows whose keys the direct index knows and writes the others to
    /// <c>_uncounted</c>, returning how many; -1 when it does not apply to this batch (a NULL or constant key, a
    /// count(x) whose x has NULLs here, a key type read only through packed words, an empty index).
    /// </summary>
    private int CountDirect(ReadOnlySpan<int> rows, Vector key, ReadOnlySpan<Vector?> arguments)
    {
        if (key.IsConstant || !key.Validity.AllValid)
            return -1;
        foreach (var argument in arguments)
        {
            if (argument is not null && (argument.IsConstant ? argument.IsNull(0) : !argument.Validity.AllValid))
                return -1;
        }
        return key.PhysicalType switch
        {
            PhysicalType.Inet4 => CountDirect(key.Data<uint>(), rows),
            PhysicalType.Int32 => CountDirect(key.Data<int>(), rows),
            PhysicalType.Int16 => CountDirect(key.Data<short>(), rows),
            _ => -1,
        };
    }

    private int CountDirect<T>(ReadOnlySpan<T> values, ReadOnlySpan<int> rows)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        var direct = _direct!;
        var tallies = _tallies!;
        if (tallies.Slots.IsEmpty)
            return -1;
        var missed = direct.TryCountValues(values, rows, _directMask, tallies.Slots);
        if (missed < 0)
            return -1;
        tallies.MarkPending();
        return missed == 0 ? 0 : direct.Uncounted(values, rows, _directMask, _uncounted);
    }

    private void AddRows(ReadOnlySpan<int> rows, ReadOnlySpan<Vector> keys, ReadOnlySpan<Vector?> arguments, ReadOnlySpan<Vector[]?> extraInputs)
    {
        var groups = _groups.AsSpan(0, rows.Length);
        if (KeyCount == 0)
        {
            groups.Clear();
        }
        else if (_narrow is { } narrow && AddNarrow(narrow, rows, keys, groups))
        {
        }
        else if (_packed is { } packed)
        {
            AddPacked(packed, rows, keys, groups);
        }
        else
        {
            AddEncoded(_encoder!, rows, keys, groups);
        }
        for (var i = 0; i < _accumulators.Length; i++)
        {
            if (extraInputs.Length > 0 && extraInputs[i] is { } order && _accumulators[i] is OrderedAccumulator ordered)
                ordered.Update(arguments[i]!, order, rows, groups);
            else if (extraInputs.Length > 0 && extraInputs[i] is [var x] && _accumulators[i] is RegressionAccumulator regression)
                regression.Update(arguments[i]!, x, rows, groups);
            else
                _accumulators[i].Update(arguments[i], rows, groups);
        }
    }

    /// <summary>Looks the batch up in the narrow layout; false, having switched the table to the wide layout, when a
    /// key does not fit it.</summary>
    private bool AddNarrow(PackedKeyEncoder encoder, ReadOnlySpan<int> rows, ReadOnlySpan<Vector> keys, Span<int> groups)
    {
        if (!(_pairs?.TryEncode(keys, rows) ?? encoder.TryEncodeWords(keys, rows)))
        {
            Widen(encoder);
            return false;
        }
        if (_pairs is { } pairs)
            AppendFresh(rows, keys, _table.FindOrAddPlanes(pairs.Planes, rows.Length, groups, _fresh));
        else
            LookUp(encoder, rows, keys, groups);
        return true;
    }

    /// <summary>Looks up the keys <paramref name="encoder"/> packed, hashing them on the way where the table can.</summary>
    private void LookUp(PackedKeyEncoder encoder, ReadOnlySpan<int> rows, ReadOnlySpan<Vector> keys, Span<int> groups)
    {
        var words = encoder.Keys(rows.Length);
        var fresh = encoder.Words switch
        {
            1 => _table.FindOrAddWordRuns(words, groups, _fresh),
            2 => _table.FindOrAddPairs(words, groups, _fresh),
            _ => HashAndFindOrAdd(encoder, rows.Length, words, groups),
        };
        AppendFresh(rows, keys, fresh);
    }

    private int HashAndFindOrAdd(PackedKeyEncoder encoder, int n, ReadOnlySpan<ulong> words, Span<int> groups)
    {
        encoder.ComputeHashes(n);
        return _table.FindOrAddPacked(encoder.Hashes.AsSpan(0, n), words, groups, _fresh);
    }

    /// <summary>
    /// Moves the groups from the narrow layout to the wide one: a new table receives every key, rewritten
    /// (<see cref="PackedKeyLayout.Widen"/>) and rehashed, in group order, so each keeps its group number. Runs once
    /// a table at most, and costs a probe a group, not a row.
    /// </summary>
    private void Widen(PackedKeyEncoder narrow)
    {
        var wide = _packed!;
        var table = new KeyTable(wide.Width, _memory, Math.Max(_table.Count, 1024));
        try
        {
            Span<ulong> key = stackalloc ulong[PackedKeyLayout.MaxWords];
            key = key[..wide.Words];
            for (var g = 0; g < _table.Count; g++)
            {
                PackedKeyLayout.Widen(narrow.Layout, wide.Layout, MemoryMarshal.Cast<byte, ulong>(_table.Key(g)), key);
                if (table.FindOrAdd(PackedKeyEncoder.HashWords(key), MemoryMarshal.AsBytes(key), out _) != g)
                    throw new InvalidOperationException("two narrow group keys widened to one key");
            }
        }
        catch
        {
            table.Dispose();
            throw;
        }
        _table.Dispose();
        _table = table;
        _narrow = null;
    }

    /// <summary>Packed keys are looked up a batch at a time (<see cref="KeyTable.FindOrAddPacked"/>), or through the
    /// direct index when the batch's keys lie in its range.</summary>
    private void AddPacked(PackedKeyEncoder encoder, ReadOnlySpan<int> rows, ReadOnlySpan<Vector> keys, Span<int> groups)
    {
        int fresh;
        if (_direct is { } known && DirectValues(known, keys[0], rows, groups) is var unseen and >= 0)
        {
            // Every key in the index's range: words are packed only for keys it has not seen yet.
            if (unseen == 0)
                return;
            encoder.EncodeWords(keys, rows);
            fresh = AddDirect(known, encoder.Keys(rows.Length), groups, unseen);
            AppendFresh(rows, keys, fresh);
            return;
        }
        encoder.EncodeWords(keys, rows);
        var words = encoder.Keys(rows.Length);
        if (_direct is { } direct && Direct(direct, words, groups) is var misses and >= 0)
        {
            fresh = AddDirect(direct, words, groups, misses);
        }
        else
        {
            LookUp(encoder, rows, keys, groups);
            return;
        }
        AppendFresh(rows, keys, fresh);
    }

    /// <summary>The direct index's entries for the batch's keys and how many it has not seen (in <c>_misses</c>), or -1
    /// when the keys span more than it can index. The range is widened only when a key falls outside it.</summary>
    private int Direct(DirectKeyIndex direct, ReadOnlySpan<ulong> words, Span<int> groups)
    {
        var misses = direct.TryResolve(words, groups, _misses);
        return misses >= 0 ? misses : direct.Covers(words) ? direct.Resolve(words, groups, _misses) : -1;
    }

    /// <summary>The direct index's entries read from the key column's values in place (no NULLs, not a constant),
    /// and how many keys it has not seen (in <c>_misses</c>); -1 when that does not apply or a key is out of range.</summary>
    private int DirectValues(DirectKeyIndex direct, Vector key, ReadOnlySpan<int> rows, Span<int> groups)
    {
        if (key.IsConstant || !key.Validity.AllValid)
            return -1;
        return key.PhysicalType switch
        {
            PhysicalType.Inet4 => direct.TryResolveValues(key.Data<uint>(), rows, _directMask, groups, _misses),
            PhysicalType.Int32 => direct.TryResolveValues(key.Data<int>(), rows, _directMask, groups, _misses),
            PhysicalType.Int16 => direct.TryResolveValues(key.Data<short>(), rows, _directMask, groups, _misses),
            _ => -1,
        };
    }

    /// <summary>Keys the direct index has not seen yet are hashed and looked up in the table, then remembered.</summary>
    private int AddDirect(DirectKeyIndex direct, ReadOnlySpan<ulong> words, Span<int> groups, int misses)
    {
        var fresh = 0;
        for (var m = 0; m < misses; m++)
        {
            var k = _misses[m];
            var key = words[k];
            var entry = _table.FindOrAdd(PackedKeyEncoder.HashWord(key), key, MemoryMarshal.AsBytes(words.Slice(k, 1)), out var added);
            groups[k] = entry;
            direct.Remember(key, entry);
            if (added)
                _fresh[fresh++] = k;
        }
        return fresh;
    }

    private void AddEncoded(KeyEncoder encoder, ReadOnlySpan<int> rows, ReadOnlySpan<Vector> keys, Span<int> groups)
    {
        encoder.Encode(keys, rows);
        var fresh = 0;
        var hashes = encoder.Hashes;
        var inline = _table.InlineKeys;
        for (var k = 0; k < rows.Length; k++)
        {
            groups[k] = _table.FindOrAdd(hashes[k], inline ? encoder.Packed(k) : 0, encoder.Key(k), out var added);
            if (added)
                _newRows[fresh++] = rows[k];
        }
        AppendNewGroups(keys, fresh);
    }

    /// <summary>Appends the groups of the batch's keys that were new, at positions <c>_fresh[..fresh]</c>.</summary>
    private void AppendFresh(ReadOnlySpan<int> rows, ReadOnlySpan<Vector> keys, int fresh)
    {
        for (var j = 0; j < fresh; j++)
            _newRows[j] = rows[_fresh[j]];
        AppendNewGroups(keys, fresh);
    }

    /// <summary>Copies the key values of the batch's <paramref name="fresh"/> new groups and sizes the accumulators.</summary>
    private void AppendNewGroups(ReadOnlySpan<Vector> keys, int fresh)
    {
        if (fresh == 0)
            return;
        _keyValues.Append(keys, _newRows.AsSpan(0, fresh));
        foreach (var a in _accumulators)
            a.Resize(_table.Count);
        _tallies?.Grow(_table.Count);
    }

    /// <summary>Folds another worker's groups into this table.</summary>
    public void Merge(GroupTable other)
    {
        // Keys and hashes compare only in one layout: the wide one, unless both tables are still narrow.
        if (_narrow is null && other._narrow is { } otherNarrow)
            other.Widen(otherNarrow);
        else if (_narrow is { } narrow && other._narrow is null)
            Widen(narrow);
        _tallies?.FoldInto(_accumulators, Count);
        other._tallies?.FoldInto(other._accumulators, other.Count);
        if (_map.Length < other.Count)
            _map = new int[other.Count];
        var map = _map.AsSpan(0, other.Count);
        var fresh = new List<int>();
        for (var g = 0; g < other.Count; g++)
        {
            map[g] = _table.FindOrAdd(other._table.Hash(g), other._table.Key(g), out var added);
            if (added)
                fresh.Add(g);
        }
        if (KeyCount > 0 && fresh.Count > 0)
        {
            var columns = new Vector[KeyCount];
            for (var c = 0; c < KeyCount; c++)
                columns[c] = other._keyValues.Column(c);
            _keyValues.Append(columns, fresh.ToArray());
        }
        for (var i = 0; i < _accumulators.Length; i++)
        {
            _accumulators[i].Resize(_table.Count);
            _accumulators[i].Merge(other._accumulators[i], map);
        }
        _tallies?.Grow(_table.Count);
    }

    public void Dispose()
    {
        _table.Dispose();
        _direct?.Dispose();
        _keyValues.Dispose();
        foreach (var a in _accumulators)
            a.Dispose();
        _tallies?.Dispose();
    }
}
