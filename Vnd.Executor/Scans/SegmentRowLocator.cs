using Apache.Arrow;
using Vnd.Executor.Storage;

namespace Vnd.Executor.Scans;

/// <summary>
/// Finds the record batch holding a <see cref="RowPosition"/> of one trace-table snapshot. It keeps one segment
/// open (mapped: its record batches point into the mapping, so holding all of them copies nothing) with the first
/// row of each record batch; positions arrive mostly in scan order, so the segment changes rarely and the record
/// batch is usually the one found last.
/// </summary>
internal sealed class SegmentRowLocator(TraceTable snapshot) : IDisposable
{
    private readonly TraceTableReader _reader = new(snapshot);
    private readonly List<RecordBatch> _records = [];
    private readonly List<long> _starts = [];
    private SegmentReader? _segment;
    private int _segmentIndex = -1;
    private int _last;

    /// <summary>The record batch holding <paramref name="position"/>, its row in it, and the rows of that record
    /// batch from there on (so a caller can take a run of positions from one lookup).</summary>
    public RecordBatch Locate(long position, out int row, out long recordEnd)
    {
        var segment = RowPosition.Segment(position);
        if (segment != _segmentIndex)
            Open(segment);
        long wanted = RowPosition.Row(position);
        if (wanted < _starts[_last] || wanted >= _starts[_last] + _records[_last].Length)
            _last = Find(wanted);
        row = (int)(wanted - _starts[_last]);
        recordEnd = _starts[_last] + _records[_last].Length;
        return _records[_last];
    }

    private int Find(long row)
    {
        int lo = 0, hi = _starts.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (_starts[mid] <= row)
                lo = mid;
            else
                hi = mid - 1;
        }
        if (_starts.Count == 0 || row < _starts[lo] || row >= _starts[lo] + _records[lo].Length)
            throw new StorageException(StorageErrorKind.Corrupt, $"row {row} is not in segment {_segmentIndex} of {snapshot.Ref.Schema}.{snapshot.Ref.Table}");
        return lo;
    }

    private void Open(int segment)
    {
        Close();
        if ((uint)segment >= (uint)snapshot.Segments.Count)
            throw new StorageException(StorageErrorKind.Corrupt, $"segment {segment} is not in the snapshot of {snapshot.Ref.Schema}.{snapshot.Ref.Table}");
        _segment = _reader.OpenSegment(snapshot.Segments[segment], SegmentReadMode.Mapped);
        _segmentIndex = segment;
        long start = 0;
        while (_segment.ReadNext() is { } record)
        {
            _records.Add(record);
            _starts.Add(start);
            start += record.Length;
        }
        _last = 0;
        if (_records.Count == 0)
            throw new StorageException(StorageErrorKind.Corrupt, $"segment {segment} of {snapshot.Ref.Schema}.{snapshot.Ref.Table} holds no rows");
    }

    private void Close()
    {
        foreach (var record in _records)
            record.Dispose();
        _records.Clear();
        _starts.Clear();
        _segment?.Dispose();
        _segment = null;
        _segmentIndex = -1;
    }

    public void Dispose() => Close();
}
