using Vnd.Executor.Storage.Builders;
using Vnd.Executor.Storage.Manifest;

namespace Vnd.Executor.Storage.Sketches;

/// <summary>
/// A table's distinct-count sketches live once per column in its manifest (<see cref="TableManifest.DistinctSketches"/>),
/// as the union of its segments' sketches, not once per segment: the manifest is rewritten whole at every sealed
/// segment, and per-segment sketches (a few KiB per column each) would make that rewrite grow with the square of
/// the table's segments. The writer keeps the running union and folds each sealed segment's sketch into it.
/// A table with any segment written without a sketch has none (the others alone would undercount).
/// </summary>
internal static class TableSketches
{
    /// <summary>
    /// The union a writer appending to <paramref name="previous"/> starts from: empty for a new or empty table,
    /// the stored sketches otherwise, null when the table has segments without sketches.
    /// </summary>
    public static HyperLogLog[]? Running(TableManifest? previous, int columns)
    {
        var running = new HyperLogLog[columns];
        for (var c = 0; c < columns; c++)
        {
            if (previous is not { Segments.Count: > 0 })
                running[c] = new HyperLogLog();
            else if (Of(previous, c) is { } stored)
                running[c] = stored;
            else
                return null;
        }
        return running;
    }

    /// <summary>Folds a sealed segment's sketches into <paramref name="running"/>; the manifest's encoding of it.</summary>
    public static IReadOnlyList<byte[]?>? Fold(HyperLogLog[]? running, ColumnStatisticsAccumulator[] segment)
    {
        if (running is null)
            return null;
        var encoded = new byte[]?[running.Length];
        for (var c = 0; c < running.Length; c++)
        {
            running[c].Merge(segment[c].Distinct);
            encoded[c] = HyperLogLogCodec.Encode(running[c]);
        }
        return encoded;
    }

    /// <summary>One column's sketch of the whole table, or null when the table has none (or it is damaged).</summary>
    public static HyperLogLog? Of(TableManifest manifest, int column)
    {
        if (manifest.DistinctSketches is { } sketches)
            return column < sketches.Count && sketches[column] is { } bytes ? HyperLogLogCodec.TryDecode(bytes) : null;
        // Manifests written while sketches were kept per segment.
        if (manifest.Segments.Count == 0)
            return null;
        var merged = new HyperLogLog();
        foreach (var segment in manifest.Segments)
        {
            if (segment.Columns[column].DistinctSketch is not { } bytes || HyperLogLogCodec.TryDecode(bytes) is not { } sketch)
                return null;
            merged.Merge(sketch);
        }
        return merged;
    }
}
