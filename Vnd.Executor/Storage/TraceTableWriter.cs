using Apache.Arrow;
using Vnd.Executor.Storage.Builders;
using Vnd.Executor.Storage.Manifest;

namespace Vnd.Executor.Storage;

/// <summary>
/// Writes rows into one trace table: append one value to every column builder, then <see cref="EndRow"/>.
/// Full batches go to the current segment file; full segments are sealed (fsynced, renamed) and then
/// listed in a new manifest, which is what makes them visible. The file work is done in that order by the
/// writer's own disk thread (<see cref="SegmentDiskQueue"/>), so appending rows never waits for the disk; a
/// disk failure is thrown by the next call. A table that already exists gets new
/// segments after its old ones (same schema required). <see cref="Commit"/> — or <see cref="Dispose"/>,
/// which drops an unfinished row and commits the rest — seals the last segment and releases the table.
/// </summary>
public sealed class TraceTableWriter : IDisposable
{
    private readonly string _directory;
    private readonly TraceTableWriterOptions _options;
    private readonly ColumnBuilder[] _columns;
    private readonly TableLock _lock;
    private readonly SegmentDiskQueue _disk;
    private TableManifest? _manifest;
    private readonly ColumnStatisticsAccumulator[] _statistics;
    /// <summary>The union of every segment's distinct-count sketch per column; null when an older segment has none.</summary>
    private readonly Sketches.HyperLogLog[]? _tableSketches;
    private SegmentWriter? _segment;
    /// <summary>The column statistics of the segment sealed last (this writer's or the table's), whose ranges the
    /// next segment's stored types also cover; null before the first.</summary>
    private IReadOnlyList<ColumnStatistics>? _previousColumns;
    private int _nextSegment;
    private long _lastSegmentBytes;
    private int _rowsInBatch;
    private int _batchLimit;
    private long _rowsWritten;
    private bool _closed;

    public TraceTableWriter(string dataDirectory, TableRef table, TableSchema schema, TraceTableWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(schema);
        _options = options ?? TraceTableWriterOptions.Default;
        _options.Validate();
        Table = table;
        Schema = schema;
        _directory = TableDirectory.TablePath(dataDirectory, table);
        DurableFile.CreateDirectory(_directory);
        _lock = TableLock.Acquire(_directory, table);
        _disk = new SegmentDiskQueue(table.ToString(), startWriteback: _options.FileWrites == SegmentFileWrites.Buffered,
            _options.Buffers, _options.DiskThreadCpus);
        try
        {
            _manifest = ManifestFile.TryLoad(_directory);
            if (_manifest is not null && !ManifestFile.ToSchema(_manifest).Equals(schema))
                throw new StorageException(StorageErrorKind.SchemaMismatch,
                    $"table {table} has columns {ManifestFile.ToSchema(_manifest)}, cannot append rows with columns {schema}");
            TableDirectory.RemoveDebris(_directory, _manifest);
            _nextSegment = 1;
            if (_manifest is not null && _manifest.Segments.Count > 0)
            {
                _nextSegment = _manifest.Segments[^1].Number + 1;
                _previousColumns = _manifest.Segments[^1].Columns;
            }
            _columns = new ColumnBuilder[schema.Count];
            _statistics = new ColumnStatisticsAccumulator[schema.Count];
            for (var i = 0; i < _columns.Length; i++)
            {
                _columns[i] = ColumnBuilderFactory.Create(schema[i].Type, _options.RowsPerBatch, _options.Buffers);
                _statistics[i] = new ColumnStatisticsAccumulator();
            }
            _tableSketches = Sketches.TableSketches.Running(_manifest, schema.Count);
        }
        catch
        {
            _disk.Dispose();
            _lock.Dispose();
            if (_columns is not null)
                ReturnColumnBuffers();
            throw;
        }
        _batchLimit = BatchLimit(0);
    }

    public TableRef Table { get; }

    public TableSchema Schema { get; }

    /// <summary>The column builders by ordinal.</summary>
    public IReadOnlyList<ColumnBuilder> Columns => _columns;

    /// <summary>Rows ended through this writer (committed or not).</summary>
    public long RowsWritten => _rowsWritten + _rowsInBatch;

    /// <summary>The builder of column <paramref name="ordinal"/> as its concrete class.</summary>
    public T GetBuilder<T>(int ordinal)
        where T : ColumnBuilder =>
        _columns[ordinal] as T ?? throw new StorageException(StorageErrorKind.InvalidUsage,
            $"column {ordinal} \"{Schema[ordinal].Name}\" ({Schema[ordinal].Type.PgName}) uses {_columns[ordinal].GetType().Name}, not {typeof(T).Name}");

    /// <summary>Ends the current row; every column must have received exactly one value for it.</summary>
    public void EndRow() => EndRows(1);

    /// <summary>
    /// Rows that can still be ended before the current batch is written out: a bulk appender fills at most this
    /// many values per column, then calls <see cref="EndRows"/>.
    /// </summary>
    public int RowsUntilFlush => _batchLimit - _rowsInBatch;

    /// <summary>
    /// Ends <paramref name="count"/> rows at once (at most <see cref="RowsUntilFlush"/>): every column must have
    /// received exactly <paramref name="count"/> values since the last row ended. A column-at-a-time appender checks
    /// the columns once per run of rows instead of once per row.
    /// </summary>
    public void EndRows(int count)
    {
        if ((uint)count > (uint)RowsUntilFlush)
            throw new StorageException(StorageErrorKind.InvalidUsage,
                $"{Table}: cannot end {count} rows at once, the batch has room for {RowsUntilFlush}");
        var expected = _rowsInBatch + count;
        var columns = _columns;
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i].Count != expected)
                ThrowIncompleteRow(i, expected);
        }
        _rowsInBatch = expected;
        if (expected == _batchLimit)
            FlushBatch();
    }

    /// <summary>Writes the pending rows, seals the last segment and publishes the manifest.</summary>
    public void Commit()
    {
        if (_closed)
            return;
        for (var i = 0; i < _columns.Length; i++)
        {
            if (_columns[i].Count != _rowsInBatch)
                ThrowIncompleteRow(i, _rowsInBatch);
        }
        try
        {
            FlushBatch();
            if (_segment is not null)
                SealSegment();
            else if (_manifest is null)
                Publish(new TableManifest { Columns = ManifestFile.FromSchema(Schema), Segments = [] });
            _disk.Drain();
        }
        catch
        {
            Close();
            throw;
        }
        Close();
    }

    /// <summary>Where this writer's disk work went so far (complete after <see cref="Commit"/>).</summary>
    public DiskQueueTimes DiskTimes => _disk.Times;

    public void Dispose()
    {
        if (_closed)
            return;
        foreach (var column in _columns)
            column.TruncateTo(_rowsInBatch);
        Commit();
    }

    private void FlushBatch()
    {
        if (_rowsInBatch == 0)
            return;
        if (_closed)
            throw new StorageException(StorageErrorKind.InvalidUsage, $"the writer of {Table} is already committed");
        try
        {
            // A batch with values outside the segment's stored integer types starts the next segment, whose types
            // then cover it: the types of a segment are fixed when its schema is written, before its first batch.
            if (_segment is not null && !_segment.Fits(_columns))
                SealSegment();
            _segment ??= new SegmentWriter(_directory, _nextSegment++, StoredSchema(), _statistics, _disk, _lastSegmentBytes,
                _options.FileWrites == SegmentFileWrites.Direct);
            _segment.Write(_columns, _rowsInBatch);
            _rowsWritten += _rowsInBatch;
            _rowsInBatch = 0;
            foreach (var column in _columns)
                column.Reset();
            if (_segment.Rows >= _options.RowsPerSegment || _segment.Length >= (_options.BytesPerSegment ?? long.MaxValue))
                SealSegment();
            _batchLimit = BatchLimit(_segment?.Rows ?? 0);
        }
        catch
        {
            Close();
            throw;
        }
    }

    private void SealSegment()
    {
        var sealedSegment = _segment!.Seal();
        _segment = null;
        _lastSegmentBytes = sealedSegment.Bytes;
        _previousColumns = sealedSegment.Columns;
        var segments = new List<SegmentInfo>(_manifest?.Segments ?? []) { sealedSegment };
        Publish(new TableManifest
        {
            Columns = ManifestFile.FromSchema(Schema),
            Segments = segments,
            DistinctSketches = Sketches.TableSketches.Fold(_tableSketches, _statistics),
        });
    }

    /// <summary>
    /// The stored schema of a new segment (<see cref="StoredIntegerType"/>): each integer-valued column as the
    /// narrowest type holding its first batch and the previous segment's range — a segment's values are not known when
    /// its schema is written; the previous segment's range is the guess that keeps later batches from falling outside
    /// and cutting segments short. Capture time only advances, so for it the guess is the first batch's start plus a
    /// segment's expected duration. The other columns as their own types.
    /// </summary>
    private Schema StoredSchema()
    {
        var builder = new Schema.Builder();
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = Schema[i];
            if (!StoredIntegerType.IsNarrowable(column.Type))
            {
                builder.Field(ArrowTypeMapping.ToField(column));
                continue;
            }
            var any = _columns[i].IntegerRange(out var min, out var max);
            var advances = StoredIntegerType.Advances(column.Type);
            if (any && advances)
            {
                // The first batch's span scaled to a segment's rows is one guess of the segment's duration (and the
                // only one for the first segment); the previous segment's duration the other, if longer. Both, or a
                // segment cut short after one batch would make every later one as short.
                max = Math.Max(max, Later(min, ((Int128)max - min) * _options.RowsPerSegment / Math.Max(1, _columns[i].Count)));
            }
            if (_previousColumns is { } previous && i < previous.Count && previous[i] is { MinInteger: { } low, MaxInteger: { } high })
            {
                if (!any)
                    (min, max) = (low, high);
                else if (advances)
                    max = Math.Max(max, Later(min, (Int128)high - low));
                else
                    (min, max) = (Math.Min(min, low), Math.Max(max, high));
                any = true;
            }
            builder.Field(ArrowTypeMapping.ToField(column, StoredIntegerType.Choose(column.Type, any, min, max, _options.ValueOffsets)));
        }
        return builder.Build();
    }

    /// <summary><paramref name="start"/> + <paramref name="span"/>, at most <see cref="long.MaxValue"/> (the guess may
    /// only widen the range: the batch being written must fit the types it chooses).</summary>
    private static long Later(long start, Int128 span) => (long)Int128.Min(long.MaxValue, start + span);

    /// <summary>Queues the manifest behind the segments it names; it is this writer's view of the table at once.</summary>
    private void Publish(TableManifest manifest)
    {
        _disk.Publish(_directory, manifest);
        _manifest = manifest;
    }

    private int BatchLimit(long segmentRows) =>
        (int)Math.Min(_options.RowsPerBatch, _options.RowsPerSegment - segmentRows);

    /// <summary>
    /// Ends the writer: an unsealed segment is deleted, the queued disk work finished (or, after a failure, dropped),
    /// the lock released. Used after errors too.
    /// </summary>
    private void Close()
    {
        _closed = true;
        try
        {
            _segment?.Dispose();
            _segment = null;
        }
        finally
        {
            // The disk threads are joined first: only then are the chunks free for another writer.
            _disk.Dispose();
            _lock.Dispose();
            ReturnColumnBuffers();
        }
    }

    /// <summary>Gives the column builders' arrays back to the pool (if any); the builders are unusable after it.</summary>
    private void ReturnColumnBuffers()
    {
        foreach (var column in _columns)
            column?.ReturnBuffers();
    }

    private void ThrowIncompleteRow(int ordinal, int expected) =>
        throw new StorageException(StorageErrorKind.InvalidUsage,
            $"{Table}: column \"{Schema[ordinal].Name}\" has {_columns[ordinal].Count} values in the current batch, expected {expected} " +
            "(each row needs exactly one value per column, then EndRow)");
}
