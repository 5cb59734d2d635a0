namespace Vnd.Executor.Storage.Sketches;

/// <summary>
/// A trace table's distinct-count estimate for one column: the table's sketch (the union of its segments'), read
/// from the manifest (no segment file is opened). A table with any segment written before sketches existed (or with a
/// damaged sketch) has no estimate — a sketch of only the newer segments would undercount — and the planner
/// falls back to its row count as before.
/// </summary>
public static class DistinctCountEstimate
{
    public static long? Of(TraceTable table, int column)
    {
        if (table.Segments.Count == 0)
            return 0;
        long values = 0;
        foreach (var segment in table.Segments)
            values += segment.Rows - segment.Columns[column].NullCount;
        if (TableSketches.Of(table.Manifest, column) is not { } sketch)
            return null;
        if (values == 0)
            return 0;
        // Never more distinct values than values, and at least one when there is any.
        return Math.Clamp((long)Math.Round(sketch.Estimate()), 1, values);
    }
}
