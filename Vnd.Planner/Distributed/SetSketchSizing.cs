using Vnd.Planner.Logical;

namespace Vnd.Planner.Distributed;

/// <summary>
/// Sizes an invertible Bloom lookup table for an expected number of differing keys d: three hash functions peel
/// a table of more than ~1.23·d cells with high probability as d grows (Eppstein et al. §3); 1.5·d leaves room
/// for the estimate's error, and a fixed slack of cells keeps small differences, where the asymptotic bound does
/// not hold yet, peelable. Cells come in three equal subtables.
/// </summary>
public readonly record struct SetSketchSizing(int Cells)
{
    /// <summary>The header row: the other side's row count (8), NULL-key flag (1), cells (4).</summary>
    public const int HeaderBytes = 13;

    private const double CellsPerDifference = 1.5;
    private const int SlackCells = 30;

    public static SetSketchSizing For(double differences)
    {
        var wanted = Math.Ceiling(CellsPerDifference * Math.Max(0, differences)) + SlackCells;
        var cells = (int)Math.Min(SetSketchBuild.MaxCells, Math.Ceiling(wanted / 3) * 3);
        return new SetSketchSizing(cells);
    }

    /// <summary>Cells × 32 bytes (count, 128-bit key sum, check-hash sum) plus the header.</summary>
    public double Bytes => (double)Cells * 32 + HeaderBytes;

    /// <summary>Rows the table travels as: the header and one per chunk of <see cref="SetSketchBuild.ChunkBytes"/>.</summary>
    public double Rows => 1 + Math.Ceiling((double)Cells * 32 / SetSketchBuild.ChunkBytes);
}
