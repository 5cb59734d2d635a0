namespace Vnd.Executor.Scans;

/// <summary>
/// Where a row of a trace-table snapshot is stored: the index of its segment in the snapshot's segment list (high
/// 32 bits) and its row within that segment (low 32 bits). Segments are immutable, so a position read by a scan
/// names the same row for as long as the query holds its snapshot; a late-materialized scan carries only the key
/// columns and this position through a join and reads the other columns of the surviving rows by it.
/// </summary>
public static class RowPosition
{
    public static long Of(int segment, long row) => ((long)segment << 32) | row;

    public static int Segment(long position) => (int)(position >>> 32);

    public static int Row(long position) => (int)(position & 0xFFFF_FFFF);

    /// <summary>Positions of rows first + 0 .. first + count - 1 of <paramref name="segment"/>.</summary>
    public static void Fill(int segment, long first, int count, Span<long> target)
    {
        var position = Of(segment, first);
        for (var i = 0; i < count; i++)
            target[i] = position + i;
    }

    /// <summary>Positions of rows first + offsets[k] of <paramref name="segment"/>.</summary>
    public static void Fill(int segment, long first, ReadOnlySpan<int> offsets, Span<long> target)
    {
        var position = Of(segment, first);
        for (var k = 0; k < offsets.Length; k++)
            target[k] = position + offsets[k];
    }
}
