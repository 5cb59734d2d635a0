using Apache.Arrow;
using Apache.Arrow.Ipc;
using Vnd.Executor.Storage.Manifest;

namespace Vnd.Executor.Storage;

/// <summary>
/// Reads the record batches of one segment file — streamed with Arrow's IPC file reader, or zero-copy
/// over a memory mapping (<see cref="SegmentReadMode"/>) — checking that the file holds exactly the rows
/// the manifest promises (anything else means the file was damaged after sealing).
/// </summary>
public sealed class SegmentReader : IDisposable
{
    private readonly ArrowStreamReader? _reader;
    private readonly MappedSegmentMemory? _mapped;
    private readonly SegmentRecordBatches? _batches;
    private int _next;
    private readonly string _path;
    private long _rows;
    private bool _done;

    internal SegmentReader(TraceTable table, SegmentInfo segment, SegmentReadMode mode)
    {
        Segment = segment;
        _path = table.SegmentPath(segment);
        if (mode == SegmentReadMode.Mapped && segment.Bytes <= int.MaxValue)
        {
            _mapped = table.Mappings.Acquire(_path, segment.Bytes, segment);
            _batches = _mapped.Batches;
        }
        else
        {
            if (!File.Exists(_path))
                throw new StorageException(StorageErrorKind.Corrupt, $"segment {_path} named in the manifest is missing");
            _reader = new ArrowFileReader(new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), leaveOpen: false);
        }
    }

    public SegmentInfo Segment { get; }

    /// <summary>
    /// The next record batch, or null at the end of the segment. The caller disposes it; a mapped segment's batches
    /// are shared views of the mapping (<see cref="SegmentRecordBatches"/>), for which that releases nothing.
    /// </summary>
    public RecordBatch? ReadNext()
    {
        if (_done)
            return null;
        RecordBatch? batch;
        try
        {
            batch = _batches is not null ? _batches.Get(_next++) : _reader!.ReadNextRecordBatch();
        }
        catch (Exception e) when (e is not StorageException)
        {
            throw new StorageException(StorageErrorKind.Corrupt, $"segment {_path} cannot be read: {e.Message}", e);
        }
        if (batch is null)
        {
            _done = true;
            if (_rows != Segment.Rows)
                throw new StorageException(StorageErrorKind.Corrupt,
                    $"segment {_path} holds {_rows} rows, the manifest says {Segment.Rows}");
            return null;
        }
        _rows += batch.Length;
        return batch;
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _mapped?.Release();
    }
}
