using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.Joins;

/// <summary>
/// The materialised build side of a packed-key join: <see cref="BuildChunk"/>s that the build workers fill in
/// parallel, each taking a new chunk (the only step under a lock) when its own is full. A row id is
/// <c>chunk &lt;&lt; BuildChunk.Bits | row in chunk</c>; ids past a chunk's count are gaps that hold no row
/// (<see cref="IsRow"/>), at most one partly filled chunk per worker.
/// </summary>
internal sealed class BuildChunkStore : IDisposable
{
    private const int Mask = BuildChunk.Capacity - 1;

    private readonly object _lock = new();
    private readonly List<BuildChunk> _chunks = [];
    private readonly IReadOnlyList<SqlType> _types;
    private readonly int _words;
    private readonly MemoryBudget _memory;
    private readonly BufferRecycler _buffers;
    private BuildChunk[] _sealed = [];
    // After Seal: column c of chunk i, and whether column c has no NULL in any chunk.
    private Vector[][] _columns = [];
    private bool[] _allValid = [];

    public BuildChunkStore(IReadOnlyList<SqlType> types, int words, MemoryBudget memory, BufferRecycler buffers)
    {
        _buffers = buffers;
        _types = types;
        _words = words;
        _memory = memory;
    }

    public int ColumnCount => _types.Count;

    /// <summary>The chunks, in id order (after <see cref="Seal"/>).</summary>
    public ReadOnlySpan<BuildChunk> Chunks => _sealed;

    /// <summary>One past the largest row id: the length of arrays indexed by row id.</summary>
    public int IdLimit => _sealed.Length << BuildChunk.Bits;

    /// <summary>Rows held (gaps not counted).</summary>
    public int Count { get; private set; }

    /// <summary>Appends the live rows of <paramref name="batch"/>, keyed by <paramref name="encoder"/>, to the
    /// worker's chunk <paramref name="current"/>, taking new chunks as it fills.</summary>
    public void Append(ref BuildChunk? current, Batch batch, JoinKeyEncoder encoder)
    {
        Span<Vector> columns = new Vector[_types.Count];
        for (var c = 0; c < columns.Length; c++)
            columns[c] = batch[c];
        var rows = batch.Rows;
        var done = 0;
        while (done < rows.Length)
        {
            if (current is null || current.Room == 0)
                current = Add(current is null ? rows.Length : BuildChunk.Capacity);
            var n = Math.Min(current.Room, rows.Length - done);
            current.Append(columns, rows.Slice(done, n), encoder, done);
            done += n;
        }
    }

    /// <summary>Fixes the chunk list once every worker has finished appending.</summary>
    public void Seal()
    {
        _sealed = [.. _chunks];
        Count = 0;
        foreach (var chunk in _sealed)
            Count += chunk.Count;
        _columns = new Vector[_types.Count][];
        _allValid = new bool[_types.Count];
        for (var c = 0; c < _columns.Length; c++)
        {
            _columns[c] = new Vector[_sealed.Length];
            _allValid[c] = true;
            for (var i = 0; i < _sealed.Length; i++)
            {
                _columns[c][i] = _sealed[i].Rows.Column(c);
                _allValid[c] &= _columns[c][i].Validity.AllValid;
            }
        }
    }

    public bool IsRow(int id) => (id & Mask) < _sealed[id >> BuildChunk.Bits].Count;

    /// <summary>Copies the rows <paramref name="ids"/> of column <paramref name="column"/> into
    /// dst[offset..]: one indexed load a value, the chunk found by a shift.</summary>
    public void Gather(int column, ReadOnlySpan<int> ids, Vector destination, int offset)
    {
        var physical = PhysicalTypes.Of(_types[column]);
        switch (physical)
        {
            case PhysicalType.Bool: Fixed<byte>(column, ids, destination, offset); break;
            case PhysicalType.Int16: Fixed<short>(column, ids, destination, offset); break;
            case PhysicalType.Int32 or PhysicalType.Inet4: Fixed<int>(column, ids, destination, offset); break;
            case PhysicalType.Int64 or PhysicalType.Float64 or PhysicalType.MacAddr: Fixed<long>(column, ids, destination, offset); break;
            case PhysicalType.Decimal: Fixed<decimal>(column, ids, destination, offset); break;
            case PhysicalType.Interval: Fixed<PgInterval>(column, ids, destination, offset); break;
            case PhysicalType.Inet: Fixed<InetValue>(column, ids, destination, offset); break;
            default: Bytes(column, ids, destination, offset); break;
        }
        Validity(column, ids, destination, offset);
    }

    public void Dispose()
    {
        foreach (var chunk in _chunks)
            chunk.Dispose();
        _chunks.Clear();
        _sealed = [];
        _columns = [];
    }

    private BuildChunk Add(int capacity)
    {
        lock (_lock)
        {
            // Row ids are ints: chunk << Bits must stay below 2^31.
            if (_chunks.Count >= int.MaxValue >> BuildChunk.Bits)
                ExecutionErrors.Unsupported("a hash join build side this large");
            var chunk = new BuildChunk(_chunks.Count, _types, _words, _memory, _buffers, capacity);
            _chunks.Add(chunk);
            return chunk;
        }
    }

    private void Fixed<T>(int column, ReadOnlySpan<int> ids, Vector destination, int offset) where T : unmanaged
    {
        var sources = _columns[column];
        var d = destination.Data<T>().Slice(offset, ids.Length);
        for (var k = 0; k < d.Length; k++)
        {
            var id = ids[k];
            d[k] = sources[id >> BuildChunk.Bits].Data<T>()[id & Mask];
        }
    }

    private void Bytes(int column, ReadOnlySpan<int> ids, Vector destination, int offset)
    {
        for (var k = 0; k < ids.Length; k++)
        {
            var id = ids[k];
            var source = _columns[column][id >> BuildChunk.Bits];
            if (source.IsValid(id & Mask))
                destination.SetBytes(offset + k, source.GetBytes(id & Mask));
        }
    }

    private void Validity(int column, ReadOnlySpan<int> ids, Vector destination, int offset)
    {
        if (_allValid[column] && destination.Validity.AllValid)
            return;
        var sources = _columns[column];
        for (var k = 0; k < ids.Length; k++)
        {
            var id = ids[k];
            destination.Validity.Set(offset + k, sources[id >> BuildChunk.Bits].Validity.IsValid(id & Mask));
        }
    }
}
