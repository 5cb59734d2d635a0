using Apache.Arrow;
using Apache.Arrow.Ipc;
using Microsoft.Win32.SafeHandles;
using Vnd.Executor.Storage.Builders;
using Vnd.Executor.Storage.Manifest;

namespace Vnd.Executor.Storage;

/// <summary>
/// The segment being written: an Arrow IPC file under a temp name plus the running statistics of its
/// columns. Record batches are serialised here, on the caller's thread; the bytes go to the file through the
/// table's <see cref="SegmentDiskQueue"/>. <see cref="Seal"/> finishes the footer and queues the fsync and the
/// rename to <c>seg-NNNNNN.arrow</c>; until the queue has done both no reader can see it.
/// </summary>
internal sealed class SegmentWriter : IDisposable
{
    private readonly string _finalPath;
    private readonly string _tempPath;
    private readonly SafeFileHandle _file;
    private readonly SegmentDiskQueue _disk;
    private readonly SegmentOutputStream _stream;
    private readonly ArrowFileWriter _writer;
    private readonly Schema _schema;
    /// <summary>Per column, the base its stored values are offsets from (<see cref="StoredIntegerType.Base"/>).</summary>
    private readonly long[] _bases;
    private readonly ColumnStatisticsAccumulator[] _statistics;
    private bool _closed;

    /// <param name="schema">the segment's stored schema: integer columns may be narrower than their logical type
    /// (<see cref="StoredIntegerType"/>); batches that do not fit it go to the next segment (<see cref="Fits"/>)</param>
    /// <param name="statistics">one accumulator per column, reset here and filled by this segment</param>
    /// <param name="expectedBytes">the size the segment will probably reach (the previous one's), reserved up front
    /// so the file system allocates it in one extent instead of growing it write by write; 0 when unknown</param>
    /// <param name="direct">open the file with O_DIRECT where the file system takes it (<see cref="SegmentFileWrites.Direct"/>)</param>
    internal SegmentWriter(string tableDirectory, int number, Schema schema, ColumnStatisticsAccumulator[] statistics,
        SegmentDiskQueue disk, long expectedBytes, bool direct)
    {
        Number = number;
        _finalPath = Path.Combine(tableDirectory, TableDirectory.SegmentFileName(number));
        _tempPath = _finalPath + DurableFile.TempSuffix;
        _disk = disk;
        _schema = schema;
        _bases = StoredIntegerType.Bases(schema);
        // O_DIRECT when asked for and the file system takes it: the bytes are not copied into the page cache (see
        // SegmentFileWrites). Otherwise a buffered file, with the expected size reserved up front.
        var directFile = direct ? LibC.TryCreateDirect(_tempPath) : null;
        _file = directFile ?? File.OpenHandle(_tempPath, FileMode.Create, FileAccess.Write, FileShare.Read, FileOptions.None, expectedBytes);
        _stream = new SegmentOutputStream(_file, disk, directFile is not null);
        try
        {
            _writer = new ArrowFileWriter(_stream, schema, leaveOpen: true);
            _writer.WriteStart();
        }
        catch
        {
            _file.Dispose();
            File.Delete(_tempPath);
            throw;
        }
        _statistics = statistics;
        foreach (var column in statistics)
            column.Reset();
    }

    public int Number { get; }

    public long Rows { get; private set; }

    public int Batches { get; private set; }

    /// <summary>Bytes written so far.</summary>
    public long Length => _stream.Position;

    /// <summary>Whether every value of the builders' current batch fits the segment's stored types.</summary>
    public bool Fits(ColumnBuilder[] builders)
    {
        var fields = _schema.FieldsList;
        for (var i = 0; i < builders.Length; i++)
        {
            if (builders[i].IntegerRange(out var min, out var max) && !StoredIntegerType.Fits(fields[i].DataType, _bases[i], min, max))
                return false;
        }
        return true;
    }

    /// <summary>Writes the builders' current batch as one record batch (it must <see cref="Fits"/>).</summary>
    public void Write(ColumnBuilder[] builders, int rows)
    {
        var fields = _schema.FieldsList;
        var arrays = new IArrowArray[builders.Length];
        for (var i = 0; i < builders.Length; i++)
        {
            arrays[i] = builders[i].BuildArray(new StoredInteger(fields[i].DataType, _bases[i]));
            builders[i].AccumulateStatistics(_statistics[i]);
        }
        // The arrays wrap builder memory without owners, so disposing the batch frees nothing of ours.
        using var batch = new RecordBatch(_schema, arrays, rows);
        _writer.WriteRecordBatch(batch);
        Rows += rows;
        Batches++;
    }

    /// <summary>
    /// Completes the file, queues making it durable under its final name, and describes it for the manifest (which
    /// the caller queues after this, so it is written only once the segment is sealed).
    /// </summary>
    public SegmentInfo Seal()
    {
        _writer.WriteEnd();
        _stream.Complete();
        var length = _stream.Length;
        _closed = true;
        _writer.Dispose();
        _disk.Seal(_file, length, _tempPath, _finalPath);
        var columns = new ColumnStatistics[_statistics.Length];
        for (var i = 0; i < columns.Length; i++)
            columns[i] = _statistics[i].ToStatistics();
        return new SegmentInfo
        {
            File = Path.GetFileName(_finalPath),
            Number = Number,
            Rows = Rows,
            Batches = Batches,
            Bytes = length,
            Columns = columns,
        };
    }

    /// <summary>Throws the unfinished segment away (the writer failed), after the writes already queued.</summary>
    public void Dispose()
    {
        if (_closed)
            return;
        _closed = true;
        _writer.Dispose();
        _disk.Discard(_file, _tempPath);
    }
}
