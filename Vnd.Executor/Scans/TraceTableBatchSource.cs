using Apache.Arrow;
using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Manifest;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Scans;

/// <summary>
/// A trace-table snapshot as a scan source over the segments <paramref name="keep"/> accepts (segment skipping by
/// min/max statistics). Record batches are the unit of parallelism: under a parallel drain the partitions claim them
/// one at a time from a shared cursor (<see cref="ScanMorsels"/>), elsewhere partition p of n converts record batches
/// p, p+n, ... of all kept segments; each passes over the others (reading a batch over the shared mapping copies
/// nothing). It
/// turns each Arrow record batch into executor batches of at most <see cref="Batch.Capacity"/> rows holding only
/// the requested columns. The manifest's row counts answer <see cref="ExactRowCount"/> for the same segments. Given a
/// <see cref="ScanPredicate"/>, it tests each chunk's stored values first and copies only the rows that pass.
/// </summary>
/// <param name="rowPositions">Adds a column after the table's, <see cref="RowPositionColumn"/>: each row's
/// <see cref="RowPosition"/>, by which <see cref="Operators.RowPositionFetchOperator"/> reads its other columns later.</param>
public sealed class TraceTableBatchSource(TraceTable table, Func<SegmentInfo, bool>? keep = null, bool rowPositions = false)
    : IRowCountSource, IRowBoundedSource, IFilteringBatchSource
{
    private readonly SqlType[] _types = [.. table.Schema.Columns.Select(c => c.Type), .. rowPositions ? [SqlType.Int8] : System.Array.Empty<SqlType>()];
    private readonly string[] _names = [.. table.Schema.Columns.Select(c => c.Name), .. rowPositions ? ["row position"] : System.Array.Empty<string>()];

    public TraceTable Table { get; } = table;

    public IReadOnlyList<SqlType> Types => _types;

    public IReadOnlyList<string> Names => _names;

    /// <summary>The same scan over another snapshot of the table (so one query reads one snapshot of it).</summary>
    public TraceTableBatchSource Over(TraceTable snapshot) => new(snapshot, keep, rowPositions);

    /// <summary>The same scan over the same snapshot with the row-position column added.</summary>
    public TraceTableBatchSource WithRowPositions() => new(Table, keep, rowPositions: true);

    /// <summary>The ordinal of the row-position column (one past the table's columns); read only when
    /// <see cref="WithRowPositions"/> added it.</summary>
    public int RowPositionColumn => Table.Schema.Columns.Count;

    /// <summary>The rows of the segments the scan reads, from their manifest entries (segments are immutable).</summary>
    public long ExactRowCount()
    {
        long rows = 0;
        foreach (var segment in Table.Segments)
        {
            if (keep is null || keep(segment))
                rows += segment.Rows;
        }
        return rows;
    }

    public IBatchReader Open(IReadOnlyList<int> columns, int partition, int partitionCount, QueryContext context) =>
        Open(columns, partition, partitionCount, context, Batch.Capacity, null);

    public IBatchReader Open(IReadOnlyList<int> columns, int partition, int partitionCount, QueryContext context, int rowBound) =>
        Open(columns, partition, partitionCount, context, rowBound, null);

    public IBatchReader Open(IReadOnlyList<int> columns, int partition, int partitionCount, QueryContext context, ScanPredicate? predicate) =>
        Open(columns, partition, partitionCount, context, Batch.Capacity, predicate);

    private IBatchReader Open(IReadOnlyList<int> columns, int partition, int partitionCount, QueryContext context, int rowBound, ScanPredicate? predicate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowBound, 1);
        var batchRows = Math.Min(rowBound, Batch.Capacity);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(partition, partitionCount);
        var kept = new List<int>();
        for (var s = 0; s < Table.Segments.Count; s++)
        {
            if (keep is null || keep(Table.Segments[s]))
                kept.Add(s);
        }
        var types = columns.Select(c => _types[c]).ToArray();
        // Record batches (64 Ki rows), not segments (1 Mi rows), are the unit of parallelism: 10 segments split
        // 5.2 M / 4.8 M rows between two workers, record batches within one batch's rows; and an ordered exchange above
        // interleaves the partitions' sequences finely, so no worker gets a whole segment ahead of the merge with its
        // queue full (it then sat idle until the other partition caught up).
        // Under a parallel drain the partitions claim record batches from a shared cursor (a worker that loses its core
        // leaves its batches to the others); elsewhere partition p of n takes every n-th from p.
        var morsels = partitionCount > 1 ? context.Morsels?.Open(this, partition, partitionCount) : null;
        return new Reader(new TraceTableReader(Table), kept, columns.ToArray(), types, batchRows, context, partition, partitionCount, morsels, predicate)
        {
            PositionAt = rowPositions ? IndexOf(columns, RowPositionColumn) : -1,
        };
    }

    private static int IndexOf(IReadOnlyList<int> columns, int column)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            if (columns[c] == column)
                return c;
        }
        return -1;
    }

    /// <param name="segments">Indexes into the table's segments of those the scan reads.</param>
    /// <param name="batchRows">Rows per batch: <see cref="Batch.Capacity"/>, or fewer when the scan returns fewer.</param>
    /// <param name="first">The first record batch this reader converts, counting over all its segments.</param>
    /// <param name="stride">Converts every stride-th record batch from <paramref name="first"/> on (1: all).</param>
    /// <param name="morsels">When set, the reader converts the record batches it claims from this cursor instead
    /// (shared with the scan's other partitions), ignoring <paramref name="first"/> and <paramref name="stride"/>.</param>
    /// <param name="predicate">The scan's own filter terms, or null to read every row.</param>
    private sealed class Reader(TraceTableReader table, List<int> segments, int[] columns, SqlType[] types, int batchRows,
        QueryContext context, int first, int stride, MorselCursor? morsels, ScanPredicate? predicate)
        : IBatchReader
    {
        private Batch _batch = new(types, batchRows);
        private readonly int[] _selection = predicate is null ? [] : new int[Batch.Capacity];
        private int _nextSegment;
        private long _recordIndex;
        /// <summary>The record batch this reader converts next (an index over all segments), -1 until claimed.</summary>
        private long _wanted = -1;
        private long _strideNext = first;
        private SegmentReader? _segment;
        private RecordBatch? _record;
        private readonly StoredBases _bases = new();
        private int _position;
        private int _segmentIndex;
        private long _segmentRows;
        private long _recordStart;

        /// <summary>Where in the batch the row-position column goes, or -1 when the scan does not read it.</summary>
        public int PositionAt { get; init; } = -1;

        public Batch? Next()
        {
            // Rows a selective filter kept are gathered from successive chunks of one record batch into one output
            // batch (its sequence is the record batch's either way): a 2 % filter otherwise hands ~40-row batches
            // through every operator and exchange above, 50 times as many as the rows need.
            var filled = 0;
            while (true)
            {
                while (_record is null || _position >= _record.Length)
                {
                    if (filled > 0)
                        return Sparse(filled);
                    if (!Advance())
                        return null;
                }
                var start = _position;
                var count = Math.Min(batchRows, _record.Length - start);
                if (filled == 0)
                {
                    _batch.Reset();
                    // The record batch's index among all the scan's: scan order, whichever partition reads it.
                    _batch.Sequence = _recordIndex - 1;
                }
                var bases = _bases.Of(_record);
                var kept = predicate is null ? count : predicate.Select(_record, bases, columns, start, count, _selection);
                if (filled > 0 && (kept * 2 > count || filled + kept > batchRows))
                {
                    // This chunk is dense or does not fit: hand over what was gathered and read the chunk again next
                    // time (one chunk's predicate twice per full batch).
                    return Sparse(filled);
                }
                _position += count;
                if (kept == 0)
                    continue;
                if (kept * 2 <= count)
                {
                    // Few rows passed: copy just those, so everything above sees a dense batch.
                    var offsets = _selection.AsSpan(0, kept);
                    for (var c = 0; c < columns.Length; c++)
                    {
                        if (c != PositionAt)
                            ArrowBatchGather.Gather(_record.Column(columns[c]), bases[columns[c]], start, offsets, _batch[c], filled);
                    }
                    if (PositionAt >= 0)
                        RowPosition.Fill(_segmentIndex, _recordStart + start, offsets, _batch[PositionAt].Data<long>()[filled..]);
                    filled += kept;
                    if (filled == batchRows)
                        return Sparse(filled);
                    continue;
                }
                for (var c = 0; c < columns.Length; c++)
                {
                    if (c != PositionAt)
                        ArrowBatchConverter.Copy(_record.Column(columns[c]), bases[columns[c]], start, count, _batch[c]);
                }
                if (PositionAt >= 0)
                    RowPosition.Fill(_segmentIndex, _recordStart + start, count, _batch[PositionAt].Data<long>());
                _batch.Count = count;
                if (kept < count)
                    _batch.SetSelection(_selection, kept);
                return _batch;
            }
        }

        /// <summary>The batch holds copies of the record batch's values (heaps included), so it can leave with the
        /// caller; not one of fewer rows than a full batch (a row-bounded scan's) or one selected through this
        /// reader's selection array, which the next call overwrites.</summary>
        public bool TryHandOver(Batch batch, Batch replacement)
        {
            if (!ReferenceEquals(batch, _batch) || batch.HasSelection || batchRows != Batch.Capacity || replacement.ColumnCount != types.Length)
                return false;
            _batch = replacement;
            return true;
        }

        private Batch Sparse(int filled)
        {
            _batch.Count = filled;
            return _batch;
        }

        /// <summary>Moves to the next record batch, opening the next segment when one runs out.</summary>
        private bool Advance()
        {
            _record?.Dispose();
            _record = null;
            _position = 0;
            while (true)
            {
                context.CheckCancelled();
                if (_segment is null)
                {
                    if (_nextSegment >= segments.Count)
                        return false;
                    // Mapped: the scan copies each record batch into its own vectors before moving on, so arrays may
                    // point into the mapping; a LIMIT touches only the pages it reads instead of reading the segment.
                    _segmentIndex = segments[_nextSegment++];
                    _segment = table.OpenSegment(table.Segments[_segmentIndex], SegmentReadMode.Mapped);
                    _segmentRows = 0;
                }
                _record = _segment.ReadNext();
                if (_record is not null)
                {
                    // Rows of the segment before this record batch, counting those other partitions read.
                    _recordStart = _segmentRows;
                    _segmentRows += _record.Length;
                }
                if (_record is not null && _recordIndex++ != Wanted())
                {
                    _record.Dispose();
                    _record = null;
                    continue;
                }
                if (_record is not null)
                {
                    _wanted = -1;
                    return true;
                }
                _segment.Dispose();
                _segment = null;
            }
        }

        /// <summary>The index of the record batch to convert next: claimed once, then kept until reached (claims
        /// only increase, so it is never behind the record batches already passed).</summary>
        private long Wanted()
        {
            if (_wanted < 0)
            {
                _wanted = morsels?.Claim() ?? _strideNext;
                _strideNext += stride;
            }
            return _wanted;
        }

        public void Dispose()
        {
            _record?.Dispose();
            _record = null;
            _segment?.Dispose();
            _segment = null;
        }
    }
}
