using Apache.Arrow;
using Apache.Arrow.Ipc;
using Vnd.Executor.Storage.Builders;
using Vnd.Executor.Storage.Manifest;

namespace Vnd.Executor.Storage;

/// <summary>
/// The segment being written: an Arrow IPC file under a temp name plus the running statistics of its
/// columns. <see cref="Seal"/> finishes the footer, fsyncs, and renames it to <c>seg-NNNNNN.arrow</c>;
/// until then no reader can see it.
/// </summary>
internal sealed class SegmentWriter : IDisposable
{
    private readonly string _finalPath;
    private readonly string _tempPath;
    private readonly FileStream _stream;
    private readonly ArrowFileWriter _writer;
    private readonly ColumnStatisticsAccumulator[] _statistics;
    private bool _closed;

    /// <param name="statistics">one accumulator per column, reset here and filled by this segment</param>
    internal SegmentWriter(string tableDirectory, int number, Schema schema, ColumnStatisticsAccumulator[] statistics)
    {
        Number = number;
        _finalPath = Path.Combine(tableDirectory, TableDirectory.SegmentFileName(number));
        _tempPath = _finalPath + DurableFile.TempSuffix;
        _stream = new FileStream(_tempPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        try
        {
            _writer = new ArrowFileWriter(_stream, schema, leaveOpen: true);
            _writer.WriteStart();
        }
        catch
        {
            _stream.Dispose();
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

    /// <summary>Writes the builders' current batch as one record batch.</summary>
    public void Write(Schema schema, ColumnBuilder[] builders, int rows)
    {
        var arrays = new IArrowArray[builders.Length];
        for (var i = 0; i < builders.Length; i++)
        {
            arrays[i] = builders[i].BuildArray();
            builders[i].AccumulateStatistics(_statistics[i]);
        }
        // The arrays wrap builder memory without owners, so disposing the batch frees nothing of ours.
        using var batch = new RecordBatch(schema, arrays, rows);
        _writer.WriteRecordBatch(batch);
        Rows += rows;
        Batches++;
    }

    /// <summary>Completes the file, makes it durable under its final name and describes it for the manifest.</summary>
    public SegmentInfo Seal()
    {
        _writer.WriteEnd();
        _stream.Flush(flushToDisk: true);
        var length = _stream.Length;
        Close();
        DurableFile.Publish(_tempPath, _finalPath, overwrite: false);
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

    /// <summary>Throws the unfinished segment away (the writer failed).</summary>
    public void Dispose()
    {
        if (_closed)
            return;
        Close();
        File.Delete(_tempPath);
    }

    private void Close()
    {
        _closed = true;
        _writer.Dispose();
        _stream.Dispose();
    }
}
