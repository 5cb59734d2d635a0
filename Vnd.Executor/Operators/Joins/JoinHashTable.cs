using System.Buffers;
using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators.Hashing;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.Joins;

/// <summary>
/// The build side of a hash join, built once per query and shared by every probing partition. Build rows are
/// materialised with their key hashes (workers append whole batches under a short lock), then indexed: keys that
/// pack into words (every fixed-width key of at most 256 bits) go into one flat <see cref="JoinKeyTable"/> (or a
/// <see cref="DenseKeyIndex"/> for one dense integer key); other keys are split by hash into one
/// <see cref="KeyTable"/> per partition, indexed in parallel. Rows with equal keys are chained through
/// <see cref="Next"/>.
/// </summary>
internal sealed partial class JoinHashTable : IDisposable
{
    private readonly object _appendLock = new();
    private readonly MemoryBudget _memory;
    private KeyTable[] _partitions = [];
    private int[][] _heads = [];
    // Rented (see Index): a build of a few million rows would otherwise allocate and zero these afresh per query.
    private ulong[] _hashes = ArrayPool<ulong>.Shared.Rent(1024);
    private byte[] _keys = ArrayPool<byte>.Shared.Rent(8192);
    private int[] _keyOffsets = ArrayPool<int>.Shared.Rent(1025);
    private bool _returned;
    private int _keyBytes;
    private long _reserved;
    private int _finishedProbes;
    private int _bits;

    private readonly IReadOnlyList<SqlType> _types;

    public JoinHashTable(IReadOnlyList<SqlType> types, MemoryBudget memory)
    {
        _memory = memory;
        _types = types;
        Rows = new ColumnCollection(types, memory);
    }

    /// <summary>The build rows of the byte-encoded path (a packed build keeps them in its chunk store).</summary>
    public ColumnCollection Rows { get; }

    public int BuildColumnCount => _types.Count;

    /// <summary>Build rows held.</summary>
    public int RowCount => _store?.Count ?? Rows.Count;

    /// <summary>One past the largest build row id (<see cref="Next"/> and <see cref="Matched"/> are this long):
    /// a packed build's ids have gaps (<see cref="BuildChunkStore"/>).</summary>
    public int RowIdLimit => _store?.IdLimit ?? Rows.Count;

    /// <summary>Whether a build row id below <see cref="RowIdLimit"/> holds a row.</summary>
    public bool IsRow(int id) => _store?.IsRow(id) ?? true;

    /// <summary>Copies build rows <paramref name="ids"/> of column <paramref name="column"/> into dst[offset..].</summary>
    public void GatherBuild(int column, ReadOnlySpan<int> ids, Vector destination, int offset)
    {
        if (_store is { } store)
            store.Gather(column, ids, destination, offset);
        else
            Rows.Gather(column, ids, destination, offset);
    }

    /// <summary>Next build row with the same key, or -1.</summary>
    public int[] Next { get; private set; } = [];

    public bool HasNullKey { get; private set; }

    /// <summary>Set when the single integer key is dense enough to index by value; probes then call
    /// <see cref="DenseKeyIndex.Find"/> instead of <see cref="Find"/>.</summary>
    public DenseKeyIndex? Dense { get; private set; }

    /// <summary>Per build row: did any probe row match it (right/full joins).</summary>
    public byte[] Matched { get; private set; } = [];

    /// <summary>Hashes <paramref name="input"/> on <paramref name="keys"/>. Without <paramref name="keepColumns"/>
    /// (semi/anti joins with no residual) only the keys are kept: the rows' columns are never read back. With
    /// <paramref name="integerProbe"/> (the probe key is one integer column too) a single integer build key whose
    /// values are dense is indexed by value (<see cref="Dense"/>) instead of hashed.</summary>
    public static JoinHashTable Build(QueryContext context, PhysicalOperator input, IReadOnlyList<Expression> keys, bool keepColumns, bool integerProbe, PackedKeyLayout? packed)
    {
        var table = new JoinHashTable(keepColumns ? input.OutputTypes : [], context.Memory);
        try
        {
            if (packed is not null)
                table.BuildPacked(context, input, keys, packed, integerProbe && HashJoinOperator.IsIntegerKey(keys));
            else
                table.BuildHashed(context, input, keys);
            return table;
        }
        catch
        {
            // A failed build (memory limit, cancellation, an error in the input) is never shared, so nothing
            // else would give its memory back.
            table.Dispose();
            throw;
        }
    }

    private void BuildHashed(QueryContext context, PhysicalOperator input, IReadOnlyList<Expression> keys)
    {
        var workers = context.Parallelism;
        var encoders = new KeyEncoder?[workers];
        var scratches = new EvaluationScratch?[workers];
        var types = keys.Select(k => k.PhysicalType).ToArray();
        ParallelDrain.Run(context, input, workers, (w, batch) =>
        {
            var encoder = encoders[w] ??= new KeyEncoder(types, nullsAreValues: false);
            var scratch = scratches[w] ??= new EvaluationScratch(context);
            var vectors = EvaluateKeys(keys, batch, scratch);
            encoder.Encode(vectors, batch.Rows);
            ReleaseKeys(vectors, scratch);
            Append(batch, encoder);
        });
        Index(workers, context, encoders.FirstOrDefault(e => e is not null)?.FixedWidth ?? -1);
    }

    private static Vector[] EvaluateKeys(IReadOnlyList<Expression> keys, Batch batch, EvaluationScratch scratch)
    {
        var vectors = new Vector[keys.Count];
        for (var i = 0; i < vectors.Length; i++)
            vectors[i] = keys[i].EvaluateToVector(batch, scratch);
        return vectors;
    }

    private static void ReleaseKeys(Vector[] vectors, EvaluationScratch scratch)
    {
        for (var i = vectors.Length - 1; i >= 0; i--)
            scratch.Release(vectors[i]);
    }

    /// <summary>First build row whose key equals the probe key, or -1.</summary>
    public int Find(ulong hash, ReadOnlySpan<byte> key)
    {
        var p = Partition(hash);
        var entry = _partitions[p].Find(hash, key);
        return entry < 0 ? -1 : _heads[p][entry];
    }

    /// <summary>Starts loading the slot <see cref="Find"/> will read first (see <see cref="KeyTable.Prefetch"/>).</summary>
    public void Prefetch(ulong hash) => _partitions[Partition(hash)].Prefetch(hash);

    /// <summary>Counts a probing partition as done; true for the last one (which reports unmatched build rows).</summary>
    public bool FinishProbe(int partitionCount) => Interlocked.Increment(ref _finishedProbes) == partitionCount;

    public void Dispose()
    {
        Rows.Dispose();
        if (!_returned)
        {
            _returned = true;
            ArrayPool<ulong>.Shared.Return(_hashes);
            ArrayPool<byte>.Shared.Return(_keys);
            ArrayPool<int>.Shared.Return(_keyOffsets);
            if (_buffers is not null)
            {
                _buffers.Return(Next);
                _buffers.Return(Matched);
            }
            else
            {
                if (Next.Length > 0)
                    ArrayPool<int>.Shared.Return(Next);
                if (Matched.Length > 0)
                    ArrayPool<byte>.Shared.Return(Matched);
            }
            _hashes = [];
            _keys = [];
            _keyOffsets = [];
            Next = [];
            Matched = [];
        }
        _keyTable?.Dispose();
        _store?.Dispose();
        // A build cancelled part-way leaves some partitions unbuilt (null).
        foreach (var p in _partitions)
            p?.Dispose();
        foreach (var heads in _heads)
        {
            if (heads is not null)
                ArrayPool<int>.Shared.Return(heads);
        }
        _heads = [];
        _partitions = [];
        _memory.Release(_reserved);
        _reserved = 0;
    }

    /// <summary>The partition of a hash: its top <see cref="_bits"/> bits (key tables index by the low bits).</summary>
    private int Partition(ulong hash) => _bits == 0 ? 0 : (int)(hash >> (64 - _bits));

    private void Append(Batch batch, KeyEncoder encoder)
    {
        lock (_appendLock)
        {
            var first = Rows.Append(batch);
            var n = encoder.Count;
            var bytes = encoder.Offsets[n];
            EnsureRoom(first + n, _keyBytes + bytes);
            for (var k = 0; k < n; k++)
            {
                var row = first + k;
                var key = encoder.Key(k);
                if (encoder.HasNull[k])
                {
                    HasNullKey = true;
                    _keyOffsets[row] = -1;
                    continue;
                }
                _hashes[row] = encoder.Hashes[k];
                _keyOffsets[row] = _keyBytes;
                key.CopyTo(_keys.AsSpan(_keyBytes));
                _keyBytes += key.Length;
            }
            _keyOffsets[first + n] = _keyBytes;
        }
    }

    /// <summary>
    /// Radix-partitions the rows by the top bits of their hash (a counting sort of row numbers, hashes and keys:
    /// 8-byte keys as ulongs, others as bytes in a partition-ordered arena) into partitions of a few thousand rows,
    /// then builds one small key table per partition, the workers taking partitions in turn. Each insert then hits
    /// a table that sits in the cache; inserting into one table of the whole build side cost a cache miss per row.
    /// The keys are copied in partition order because reading them in place, a partition's rows being spread over
    /// the whole build side, cost a cache miss per row again (measured: RTT over all flows, a 5-column key).
    /// </summary>
    private void Index(int workers, QueryContext context, int fixedWidth)
    {
        var count = Rows.Count;
        Reserve(count * 5L);
        Next = RentCleared<int>(count);
        Matched = RentCleared<byte>(count);
        _bits = JoinKeyTable.PartitionBits(count);
        var partitions = 1 << _bits;
        _partitions = new KeyTable[partitions];
        _heads = new int[partitions][];
        var inline = fixedWidth == 8;
        var ends = inline ? [] : KeyEnds(count);
        var starts = new int[partitions + 1];
        var byteStarts = inline ? [] : new int[partitions + 1];
        for (var r = 0; r < count; r++)
        {
            if (_keyOffsets[r] < 0)
                continue;
            var p = Partition(_hashes[r]);
            starts[p + 1]++;
            if (!inline)
                byteStarts[p + 1] += ends[r] - _keyOffsets[r];
        }
        for (var p = 0; p < partitions; p++)
        {
            starts[p + 1] += starts[p];
            if (!inline)
                byteStarts[p + 1] += byteStarts[p];
        }
        var keyed = starts[partitions];
        var scratchBytes = keyed * 12L + (inline ? keyed * 8L : (keyed + 1) * 4L + byteStarts[partitions]);
        Reserve(scratchBytes);
        // Scratch for this pass only, rented: fresh arrays of this size cost page faults and zeroing every query.
        var rows = ArrayPool<int>.Shared.Rent(keyed);
        var hashes = ArrayPool<ulong>.Shared.Rent(keyed);
        var keys = inline ? ArrayPool<ulong>.Shared.Rent(keyed) : [];
        // Non-inline keys: entry i's bytes are arena[keyStarts[i] .. keyStarts[i + 1]), partitions being contiguous.
        var arena = inline ? [] : ArrayPool<byte>.Shared.Rent(byteStarts[partitions]);
        var keyStarts = inline ? [] : ArrayPool<int>.Shared.Rent(keyed + 1);
        var fill = starts.AsSpan(0, partitions).ToArray();
        var byteFill = inline ? [] : byteStarts.AsSpan(0, partitions).ToArray();
        for (var r = 0; r < count; r++)
        {
            if (_keyOffsets[r] < 0)
                continue;
            var p = Partition(_hashes[r]);
            var at = fill[p]++;
            rows[at] = r;
            hashes[at] = _hashes[r];
            if (inline)
            {
                keys[at] = BitConverter.ToUInt64(_keys, _keyOffsets[r]);
                continue;
            }
            var length = ends[r] - _keyOffsets[r];
            keyStarts[at] = byteFill[p];
            _keys.AsSpan(_keyOffsets[r], length).CopyTo(arena.AsSpan(byteFill[p]));
            byteFill[p] += length;
        }
        if (!inline)
            keyStarts[keyed] = byteStarts[partitions];
        var threads = ParallelDrain.Split(workers, keyed, partitions);
        ParallelDrain.For(context, threads, w =>
        {
            Span<byte> key = stackalloc byte[8];
            for (var p = w; p < partitions; p += threads)
            {
                context.CheckCancelled();
                var size = starts[p + 1] - starts[p];
                var table = new KeyTable(fixedWidth, _memory, Math.Max(16, size));
                var heads = ArrayPool<int>.Shared.Rent(Math.Max(16, size));
                for (var i = starts[p]; i < starts[p + 1]; i++)
                {
                    var r = rows[i];
                    int e;
                    bool added;
                    if (inline)
                    {
                        BitConverter.TryWriteBytes(key, keys[i]);
                        e = table.FindOrAdd(hashes[i], key, out added);
                    }
                    else
                    {
                        e = table.FindOrAdd(hashes[i], arena.AsSpan(keyStarts[i], keyStarts[i + 1] - keyStarts[i]), out added);
                    }
                    if (added)
                        heads[e] = -1;
                    Next[r] = heads[e];
                    heads[e] = r;
                }
                _partitions[p] = table;
                _heads[p] = heads;
            }
        });
        ArrayPool<int>.Shared.Return(rows);
        ArrayPool<ulong>.Shared.Return(hashes);
        if (inline)
        {
            ArrayPool<ulong>.Shared.Return(keys);
        }
        else
        {
            ArrayPool<byte>.Shared.Return(arena);
            ArrayPool<int>.Shared.Return(keyStarts);
        }
        _memory.Release(scratchBytes);
        _reserved -= scratchBytes;
    }

    /// <summary>The end of each row's key: the next keyed row's start (rows with NULL keys hold -1).</summary>
    private int[] KeyEnds(int count)
    {
        var ends = new int[count];
        var end = _keyBytes;
        for (var r = count - 1; r >= 0; r--)
        {
            ends[r] = end;
            if (_keyOffsets[r] >= 0)
                end = _keyOffsets[r];
        }
        return ends;
    }

    private void EnsureRoom(int rows, int bytes)
    {
        if (rows + 1 > _hashes.Length)
        {
            var size = Math.Max(rows + 1, _hashes.Length * 2);
            Reserve((size - _hashes.Length) * 12L);
            _hashes = Regrow(_hashes, size, rows);
            _keyOffsets = Regrow(_keyOffsets, size + 1, rows + 1);
        }
        if (bytes > _keys.Length)
        {
            var size = Math.Max(bytes, _keys.Length * 2);
            Reserve(size - _keys.Length);
            _keys = Regrow(_keys, size, _keyBytes);
        }
    }

    private static T[] Regrow<T>(T[] old, int length, int used)
    {
        var grown = ArrayPool<T>.Shared.Rent(length);
        old.AsSpan(0, Math.Min(used, old.Length)).CopyTo(grown);
        ArrayPool<T>.Shared.Return(old);
        return grown;
    }

    private static T[] RentCleared<T>(int length)
    {
        var array = ArrayPool<T>.Shared.Rent(Math.Max(1, length));
        array.AsSpan(0, length).Clear();
        return array;
    }

    private void Reserve(long bytes)
    {
        _memory.Reserve(bytes);
        _reserved += bytes;
    }
}
