using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>
/// A Bloom filter of <see cref="Bits"/> bits and <see cref="Hashes"/> probes over the non-NULL values of
/// <see cref="Keys"/>, output as rows of (<see cref="Offset"/>: the chunk's first byte, <see cref="Chunk"/>: up to
/// <see cref="ChunkBytes"/> bytes of the bit array) so no single value outgrows a stream message. Only the
/// distributed planner makes it, for Bloom-filter semi-join reduction; <see cref="BloomFilterProbe"/> reads it.
/// </summary>
public sealed record BloomFilterBuild(LogicalPlan Input, SqlList<BoundExpr> Keys, long Bits, int Hashes, PlanColumn Offset, PlanColumn Chunk)
    : UnaryPlan(Input)
{
    public const int ChunkBytes = 64 << 10;

    /// <summary>The largest filter a fragment may ask for (512 MiB), checked when a ticket is decoded.</summary>
    public const long MaxBits = 1L << 32;

    public const int MaxHashes = 16;

    public override SqlList<PlanColumn> Output => [Offset, Chunk];
}
