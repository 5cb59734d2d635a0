namespace Vnd.Executor.Storage.Sketches;

/// <summary>
/// A trace table's distinct-count estimate for one column: the union of its segments' sketches, read from the
/// manifest (no segment file is opened). A table with any segment written before sketches existed (or with a
/// damaged sketch) has no estimate — a sketch of only the newer segments would undercount — and the planner
/// falls back to its row count as before.
/// </summary>
public static class DistinctCountEstimate
{
    public static long? Of(TraceTable table, int column)
    {
        var merged = new HyperLogLog();
        long values = 0;
        foreach (var segment in table.Segments)
        {
            var statistics = segment.Columns[column];
            if (statistics.DistinctSketch is not { } bytes || HyperLogLogCodec.TryDecode(bytes) is not { } sketch)
                return null;
            merged.Merge(sketch);
            values += segment.Rows - statistics.NullCount;
        }
        if (values == 0)
            return 0;
        // Never more distinct values than values, and at least one when there is any.
        return Math.Clamp((long)Math.Round(merged.Estimate()), 1, values);
    }
}
