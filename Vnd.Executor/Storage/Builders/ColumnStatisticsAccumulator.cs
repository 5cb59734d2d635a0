using Vnd.Executor.Storage.Sketches;

namespace Vnd.Executor.Storage.Builders;

/// <summary>
/// Statistics of one column over the batches of the segment being written; turned into the manifest's
/// <see cref="Manifest.ColumnStatistics"/> when the segment is sealed, then <see cref="Reset"/> for the next one (a
/// table writer keeps one per column: no new sketch registers per segment). The segment's distinct-count sketch is
/// folded into the table's by the writer (<see cref="Sketches.TableSketches"/>), not stored per segment.
/// </summary>
internal sealed class ColumnStatisticsAccumulator
{
    private long _nulls;
    private long _bytes;
    private bool _hasInteger;
    private long _minInteger;
    private long _maxInteger;
    private bool _hasReal;
    private double _minReal;
    private double _maxReal;
    private byte[]? _minBytes;
    private byte[]? _maxBytes;

    /// <summary>Hashes of the segment's non-null values (builders add them at flush, skipping repeats of the previous value).</summary>
    public HyperLogLog Distinct { get; } = new();

    /// <summary>Starts over for a new segment.</summary>
    public void Reset()
    {
        _nulls = _bytes = 0;
        _hasInteger = _hasReal = false;
        _minInteger = _maxInteger = 0;
        _minReal = _maxReal = 0;
        _minBytes = _maxBytes = null;
        Distinct.Clear();
    }

    public void Add(int nulls, long bytes)
    {
        _nulls += nulls;
        _bytes += bytes;
    }

    public void AddInteger(long min, long max)
    {
        if (!_hasInteger || min < _minInteger)
            _minInteger = min;
        if (!_hasInteger || max > _maxInteger)
            _maxInteger = max;
        _hasInteger = true;
    }

    public void AddReal(double min, double max)
    {
        if (!_hasReal || min < _minReal)
            _minReal = min;
        if (!_hasReal || max > _maxReal)
            _maxReal = max;
        _hasReal = true;
    }

    /// <summary>Byte-string bounds in unsigned lexicographic order (addresses in network order).</summary>
    public void AddBytes(ReadOnlySpan<byte> min, ReadOnlySpan<byte> max)
    {
        if (_minBytes is null || min.SequenceCompareTo(_minBytes) < 0)
            _minBytes = min.ToArray();
        if (_maxBytes is null || max.SequenceCompareTo(_maxBytes) > 0)
            _maxBytes = max.ToArray();
    }

    public Manifest.ColumnStatistics ToStatistics() => new()
    {
        NullCount = _nulls,
        ByteSize = _bytes,
        MinInteger = _hasInteger ? _minInteger : null,
        MaxInteger = _hasInteger ? _maxInteger : null,
        MinReal = _hasReal ? _minReal : null,
        MaxReal = _hasReal ? _maxReal : null,
        MinBytes = _minBytes,
        MaxBytes = _maxBytes,
    };
}
