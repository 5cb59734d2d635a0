using System.Globalization;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Sketches;

namespace Vnd.Executor.Remote;

/// <summary>
/// One column's whole-table statistics as Flight field metadata (see <see cref="FlightStatistics"/>), folded over
/// the manifest's segments without opening any: null count, stored bytes, the distinct-count estimate (the union of
/// the segments' HyperLogLog sketches), integer bounds (integers, timestamps,
/// bool, inet4) and the unsigned byte-ordered bounds of inet6 and macaddr as hexadecimal. Float bounds are not
/// reported yet (no captured field is a float).
/// </summary>
public static class ColumnStatisticsMetadata
{
    public static void Add(TraceTable table, int column, Dictionary<string, string> metadata)
    {
        long nulls = 0, bytes = 0;
        long? min = null, max = null;
        byte[]? minBytes = null, maxBytes = null;
        foreach (var segment in table.Segments)
        {
            var statistics = segment.Columns[column];
            nulls += statistics.NullCount;
            bytes += statistics.ByteSize;
            if (statistics.MinInteger is { } low)
                min = min is null ? low : Math.Min(min.Value, low);
            if (statistics.MaxInteger is { } high)
                max = max is null ? high : Math.Max(max.Value, high);
            if (statistics.MinBytes is { } lowBytes && (minBytes is null || lowBytes.AsSpan().SequenceCompareTo(minBytes) < 0))
                minBytes = lowBytes;
            if (statistics.MaxBytes is { } highBytes && (maxBytes is null || highBytes.AsSpan().SequenceCompareTo(maxBytes) > 0))
                maxBytes = highBytes;
        }
        metadata[TableServerProtocol.NullsKey] = nulls.ToString(CultureInfo.InvariantCulture);
        metadata[TableServerProtocol.BytesKey] = bytes.ToString(CultureInfo.InvariantCulture);
        if (DistinctCountEstimate.Of(table, column) is { } distinct)
            metadata[TableServerProtocol.DistinctKey] = distinct.ToString(CultureInfo.InvariantCulture);
        if (min is not null && max is not null)
        {
            metadata[TableServerProtocol.MinKey] = min.Value.ToString(CultureInfo.InvariantCulture);
            metadata[TableServerProtocol.MaxKey] = max.Value.ToString(CultureInfo.InvariantCulture);
        }
        if (minBytes is not null && maxBytes is not null)
        {
            metadata[TableServerProtocol.MinBytesKey] = Convert.ToHexString(minBytes);
            metadata[TableServerProtocol.MaxBytesKey] = Convert.ToHexString(maxBytes);
        }
    }
}
