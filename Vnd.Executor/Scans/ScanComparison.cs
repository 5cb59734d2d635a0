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

    /// <summary>
    /// Tests rows [<paramref name="start"/>, start + count): bit r of <paramref name="bits"/> (word r / 64) ends set
    /// only if row start + r passes. The first term of a predicate writes every word; the others AND theirs in and
    /// skip words already clear, so a selective first term leaves them little to test. The array's integers are
    /// offsets from <paramref name="base"/> (<see cref="Storage.StoredIntegerType.Base"/> of its field; 0 for values).
    /// </summary>
    public abstract void Mask(IArrowArray array, long @base, int start, int count, Span<ulong> bits, bool first);

    public override string ToString() => Source.ToString() ?? "";

    /// <summary>Clears the bits of NULL rows: a comparison with NULL is never TRUE.</summary>
    protected static void ClearNulls(IArrowArray array, int start, int count, Span<ulong> bits)
    {
        for (var r = 0; r < count; r++)
        {
            if (array.IsNull(start + r))
                bits[r >> 6] &= ~(1UL << r);
        }
    }
}
