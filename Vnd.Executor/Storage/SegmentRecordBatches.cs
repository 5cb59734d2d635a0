using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace Vnd.Executor.Storage;

/// <summary>
/// The record batches of one mapped segment, decoded once and shared by every reader of the mapping. Decoding a
/// batch means parsing its IPC message (flatbuffer metadata) and building its arrays over the mapping; under
/// pgbench's 200 sessions, each LIMIT 10 decoded the schema and the first batch again, 22% of the server's CPU.
/// Segments never change once sealed, so a decoded batch stays right for as long as its mapping lives: it is a
/// view of the mapping's pages (buffers point into it, nothing is copied), kept here and dropped with the mapping.
/// </summary>
/// <remarks>
/// Batches are decoded lazily, in file order, on first request (a LIMIT decodes only the first); readers past the
/// decoded prefix take turns on a lock while one decodes, readers inside it take no lock. The cache holds at most
/// the segment's batch count of array objects (the data stays in the page cache), and lives only as long as its
/// mapping does in <see cref="SegmentMappings"/>, which bounds how many segments are cached.
/// Arrow batches over borrowed memory own nothing, so a reader disposing one (as readers of streamed segments
/// must) releases nothing the cache needs.
/// </remarks>
internal sealed class SegmentRecordBatches(ReadOnlyMemory<byte> stream)
{
    private readonly Lock _gate = new();
    private RecordBatch[] _batches = [];
    private int _decoded;
    private bool _complete;
    private Exception? _failure;
    private ArrowStreamReader? _reader;

    /// <summary>Batches decoded so far (for tests and diagnostics).</summary>
    public int Decoded => Volatile.Read(ref _decoded);

    /// <summary>The segment's batch <paramref name="index"/>, or null past its last one. Throws what decoding threw.</summary>
    public RecordBatch? Get(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        // Published in order: the array is written before the count that makes its slot visible.
        if (index < Volatile.Read(ref _decoded))
            return Volatile.Read(ref _batches)[index];
        lock (_gate)
        {
            while (index >= _decoded)
            {
                if (_failure is not null)
                    throw _failure;
                if (_complete)
                    return null;
                DecodeNext();
            }
            return _batches[index];
        }
    }

    /// <summary>Decodes the next batch (under the gate); a damaged segment fails every later request the same way.</summary>
    private void DecodeNext()
    {
        RecordBatch? batch;
        try
        {
            _reader ??= new ArrowStreamReader(stream);
            batch = _reader.ReadNextRecordBatch();
        }
        catch (Exception e)
        {
            _failure = e;
            _reader?.Dispose();
            throw;
        }
        if (batch is null)
        {
            _complete = true;
            _reader.Dispose();
            _reader = null;
            return;
        }
        if (_decoded == _batches.Length)
        {
            var grown = new RecordBatch[Math.Max(4, _batches.Length * 2)];
            _batches.AsSpan().CopyTo(grown);
            Volatile.Write(ref _batches, grown);
        }
        _batches[_decoded] = batch;
        Volatile.Write(ref _decoded, _decoded + 1);
    }
}
