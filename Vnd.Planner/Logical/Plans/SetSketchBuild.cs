using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>
/// An invertible Bloom lookup table of <see cref="Cells"/> cells over the non-NULL integer values of
/// <see cref="Key"/> (set reconciliation), output as rows of (<see cref="Offset"/>, <see cref="Chunk"/>): first a
/// header row at offset −1 (the input's row count and whether a key was NULL, which NOT IN needs), then the cells
/// in chunks of up to <see cref="ChunkBytes"/> bytes. Only the distributed planner makes it; a
/// <see cref="SetDifferenceJoin"/> at the other site reads it.
/// </summary>
public sealed record SetSketchBuild(LogicalPlan Input, BoundExpr Key, int Cells, PlanColumn Offset, PlanColumn Chunk) : UnaryPlan(Input)
{
    public const int ChunkBytes = 64 << 10;

    /// <summary>The largest table a fragment may ask for (2^24 cells, 512 MiB), checked when a ticket is decoded.</summary>
    public const int MaxCells = 3 << 22;

    public override SqlList<PlanColumn> Output => [Offset, Chunk];
}
