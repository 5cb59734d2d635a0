using Vnd.Executor.Scans;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Sketches;

namespace Vnd.Executor.PhysicalPlanning;

/// <summary>
/// Whether a semi/anti join's probe scan should read only its narrow columns plus row positions and fetch the rest
/// for the surviving rows. From the trace tables' own statistics: the key's distinct counts (the manifests' sketches),
/// its integer range on both sides (segment min/max) and each column's stored bytes. Reading a column for all rows
/// costs its bytes; fetching it by position costs about <see cref="FetchCostPerByte"/> times that per kept row
/// (a random access per run of rows instead of a sequential copy).
/// </summary>
internal static class LateMaterializationCost
{
    private const double FetchCostPerByte = 4;

    /// <summary>Late pays only when it saves this fraction of the eager scan's bytes: the estimate is rough.</summary>
    private const double RequiredSaving = 0.25;

    /// <summary>System R's guess for a filter on the build side (as the distributed <c>Estimator</c>).</summary>
    public const double FilterSelectivity = 0.25;

    /// <summary>The estimated fraction of probe rows the join keeps, or null when statistics are missing.</summary>
    /// <param name="buildFilters">Filters between the build scan and the join (each keeps a quarter of the keys).</param>
    public static double? KeptFraction(TraceTable probe, int probeKey, TraceTable build, int buildKey, int buildFilters, bool semi)
    {
        if (DistinctCountEstimate.Of(probe, probeKey) is not { } probeDistinct || DistinctCountEstimate.Of(build, buildKey) is not { } buildDistinct)
            return null;
        if (probeDistinct == 0)
            return 0;
        var probeOverlap = 1.0;
        var buildOverlap = 1.0;
        if (Range(probe, probeKey) is { } p && Range(build, buildKey) is { } b)
        {
            var low = Math.Max(p.Min, b.Min);
            var high = Math.Min(p.Max, b.Max);
            var common = high < low ? 0 : (double)high - low + 1;
            probeOverlap = common / ((double)p.Max - p.Min + 1);
            buildOverlap = common / ((double)b.Max - b.Min + 1);
        }
        var buildKeys = buildDistinct * buildOverlap * Math.Pow(FilterSelectivity, buildFilters);
        var match = probeOverlap * Math.Min(1, buildKeys / Math.Max(1, probeDistinct * probeOverlap));
        return semi ? match : 1 - match;
    }

    /// <summary>True when scanning <paramref name="narrow"/> columns plus positions and fetching the others for
    /// <paramref name="kept"/> of the rows reads fewer bytes (weighted) than scanning <paramref name="all"/>.</summary>
    public static bool Pays(TraceTable table, IReadOnlyList<int> narrow, IReadOnlyList<int> all, double kept)
    {
        var rows = table.RowCount;
        if (rows == 0)
            return false;
        var eager = BytesPerRow(table, all);
        var late = BytesPerRow(table, narrow) + sizeof(long) + kept * eager * FetchCostPerByte;
        return late < eager * (1 - RequiredSaving);
    }

    private static double BytesPerRow(TraceTable table, IReadOnlyList<int> columns)
    {
        long bytes = 0;
        foreach (var segment in table.Segments)
        {
            foreach (var column in columns)
                bytes += segment.Columns[column].ByteSize;
        }
        return (double)bytes / Math.Max(1, table.RowCount);
    }

    private static (long Min, long Max)? Range(TraceTable table, int column)
    {
        long? min = null, max = null;
        foreach (var segment in table.Segments)
        {
            var stats = segment.Columns[column];
            if (stats.MinInteger is not { } low || stats.MaxInteger is not { } high)
            {
                if (segment.Rows > stats.NullCount)
                    return null; // a column without integer bounds (text, inet, float)
                continue;
            }
            min = min is null ? low : Math.Min(min.Value, low);
            max = max is null ? high : Math.Max(max.Value, high);
        }
        return min is null || max is null ? null : (min.Value, max.Value);
    }
}
