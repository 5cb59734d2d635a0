using Apache.Arrow;
using Vnd.Executor.Expressions;

namespace Vnd.Executor.Scans;

/// <summary>
/// One conjunct of a scan's filter, <c>column op constant</c> over an integer-layout column (int2, int4, int8,
/// timestamps, IPv4 addresses), tested on the stored Arrow values before any row is copied into a vector: a scan
/// that keeps 2% of its rows then copies 2% of them instead of converting every row and filtering afterwards.
/// A NULL value never passes, as under the filter it replaces.
/// </summary>
public abstract class ScanComparison(int column, Expression source)
{
    /// <summary>Position of the compared column among the scan's output columns.</summary>
    public int Column { get; } = column;

    /// <summary>The filter conjunct this test stands for (for EXPLAIN).</summary>
    public Expression Source { get; } = source;

    /// <summary>Writes the offsets from <paramref name="start"/> of the rows of [start, start + count) that pass, in
    /// order, to <paramref name="selection"/>; returns how many passed.</summary>
    public abstract int Select(IArrowArray array, int start, int count, Span<int> selection);

    /// <summary>Keeps those offsets of <paramref name="selection"/>[..kept] whose rows pass, in order; returns how many.</summary>
    public abstract int Refine(IArrowArray array, int start, Span<int> selection, int kept);

    public override string ToString() => Source.ToString() ?? "";

    protected static int DropNulls(IArrowArray array, int start, Span<int> selection, int kept)
    {
        var live = 0;
        for (var k = 0; k < kept; k++)
        {
            var offset = selection[k];
            selection[live] = offset;
            live += array.IsNull(start + offset) ? 0 : 1;
        }
        return live;
    }
}
