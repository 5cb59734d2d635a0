using Vnd.Executor.Storage.Manifest;
using Vnd.Planner.Logical;
using Vnd.Planner.Types;

namespace Vnd.Executor.Scans;

/// <summary>
/// Turns a scan's min/max pruning hints into the segment filter of a <see cref="TraceTableBatchSource"/>: a segment
/// is skipped only when its statistics prove no row can fall in a hinted range. Integer and float columns with
/// numeric bounds are used; any other hint (timestamps given as text, inet) keeps every segment, which is always
/// correct because the scan's exact filters still run.
/// </summary>
public static class SegmentPruning
{
    /// <summary>The segment filter for <paramref name="scan"/>, or null when no hint can skip anything.</summary>
    public static Func<SegmentInfo, bool>? For(Scan scan)
    {
        var checks = new List<(int Ordinal, double? Lower, bool LowerInclusive, double? Upper, bool UpperInclusive, bool Integer)>();
        foreach (var hint in scan.PruningHints)
        {
            var type = hint.Column.Type;
            var integer = type.IsInteger;
            if (!integer && type.Id is not (TypeId.Float4 or TypeId.Float8))
                continue;
            var ordinal = -1;
            foreach (var column in scan.Columns)
            {
                if (column.Column.Id == hint.Column.Id)
                    ordinal = column.Ordinal;
            }
            var lower = Number(hint.Lower);
            var upper = Number(hint.Upper);
            if (ordinal < 0 || (lower is null && upper is null))
                continue;
            checks.Add((ordinal, lower, hint.LowerInclusive, upper, hint.UpperInclusive, integer));
        }
        if (checks.Count == 0)
            return null;
        return segment =>
        {
            foreach (var (ordinal, lower, lowerInclusive, upper, upperInclusive, integer) in checks)
            {
                var stats = segment.Columns[ordinal];
                var min = integer ? stats.MinInteger : stats.MinReal;
                var max = integer ? stats.MaxInteger : stats.MaxReal;
                if (min is null || max is null)
                    continue; // all-null segment or no statistics: cannot prove anything
                if (lower is { } l && (lowerInclusive ? max < l : max <= l))
                    return false;
                if (upper is { } u && (upperInclusive ? min > u : min >= u))
                    return false;
            }
            return true;
        };
    }

    private static double? Number(BoundLiteral? literal) => literal?.Value switch
    {
        short s => s,
        int i => i,
        long l => l,
        double d => d,
        decimal m => (double)m,
        _ => null,
    };
}
