using Apache.Arrow;
using Apache.Arrow.Ipc;
using Vnd.Executor.Storage.Manifest;

namespace Vnd.Executor.Storage;

/// <summary>
/// Streams the record batches of one segment file with Arrow's IPC file reader, checking that the file
/// holds exactly the rows the manifest promises (anything else means the file was damaged after sealing).
/// </summary>
public sealed class SegmentReader : IDisposable
{
    private readonly ArrowFileReader _reader;
    private readonly string _path;
    private long _rows;
    private bool _done;

    internal SegmentReader(TraceTable table, SegmentInfo segment)
    {
        Segment = segment;
        _path = table.SegmentPath(segment);
        FileStream stream;
        try
        {
            stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (FileNotFoundException e)
        {
            throw new StorageException(StorageErrorKind.Corrupt, $"segment {_path} named in the manifest is missing", e);
        }
        _reader = new ArrowFileReader(stream, leaveOpen: false);
    }

    public SegmentInfo Segment { get; }

    /// <summary>The next record batch, or null at the end of the segment. The caller disposes it.</summary>
    public RecordBatch? ReadNext()
    {
        if (_done)
            return null;
        RecordBatch? batch;
        try
        {
            batch = _reader.ReadNextRecordBatch();
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

    public void Dispose() => _reader.Dispose();
}
