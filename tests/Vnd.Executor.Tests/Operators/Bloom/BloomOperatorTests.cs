using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Bloom;
using Vnd.Executor.Operators.Joins;
using Vnd.Planner.Distributed;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators.Bloom;

/// <summary>A filter built over one side's keys, shipped as chunks and probed by the other side (int8 against int4 keys).</summary>
public sealed class BloomOperatorTests
{
    private static PhysicalOperator BuildSide(int keys) => Plans.Scan(InMemoryTable.FromRows([SqlType.Int8],
        Enumerable.Range(0, keys).Select(i => new object?[] { i % 50 == 0 ? null : 2L * i })));

    private static PhysicalOperator ProbeSide(int rows) => Plans.Scan(InMemoryTable.FromRows([SqlType.Int4, SqlType.Text],
        Enumerable.Range(0, rows).Select(i => new object?[] { i % 7 == 0 ? null : i, "row " + i })));

    private static BloomFilterBuildOperator Build(int keys, BloomFilterSizing size) =>
        new(BuildSide(keys), [Expr.Column(0, SqlType.Int8)], size.Bits, size.Hashes);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Probing_keeps_every_match_and_few_others(int parallelism)
    {
        var size = BloomFilterSizing.For(10_000, 0.01);
        var probe = new BloomFilterProbeOperator(ProbeSide(40_000), Build(10_000, size), [Expr.Column(0, SqlType.Int4)], size.Bits, size.Hashes);

        var kept = Plans.Run(probe, parallelism);

        var keys = kept.Select(r => Assert.IsType<int>(r[0])).ToHashSet();
        var matches = Enumerable.Range(0, 10_000).Where(i => i % 50 != 0).Select(i => 2 * i).Where(k => k % 7 != 0).ToList();
        Assert.All(matches, k => Assert.Contains(k, keys)); // no false negatives
        Assert.All(kept, r => Assert.Equal("row " + r[0], r[1])); // rows are passed through whole
        var others = 40_000 - 40_000 / 7 - matches.Count;
        var falsePositives = kept.Count - matches.Count;
        Assert.InRange(falsePositives, 0, others * 0.02); // NULL keys never pass; ~1% of the rest does
    }

    [Fact]
    public void The_join_after_an_undersized_filter_is_still_exact()
    {
        // 64 bits for 10k keys: nearly every probe row is a false positive, which the exact join must drop.
        var size = new BloomFilterSizing(64, 1);
        var reduced = new BloomFilterProbeOperator(ProbeSide(40_000), Build(10_000, size), [Expr.Column(0, SqlType.Int4)], size.Bits, size.Hashes);
        HashJoinOperator Join(PhysicalOperator probe) =>
            new(probe, BuildSide(10_000), [Expr.Column(0, SqlType.Int4)], [Expr.Column(0, SqlType.Int8)], JoinType.Inner);

        Assert.True(Plans.Run(reduced).Count > 30_000);
        var exact = Plans.Run(Join(ProbeSide(40_000)));
        Assert.NotEmpty(exact);
        Assert.Equal(Plans.Sorted(exact), Plans.Sorted(Plans.Run(Join(reduced))));
    }

    [Fact]
    public void The_filter_travels_as_consecutive_chunks_of_64_KiB()
    {
        var size = new BloomFilterSizing(1L << 26, 3); // 8 MiB: 128 chunks over 8 batches
        var chunks = Plans.Run(Build(1_000, size), parallelism: 1);

        Assert.Equal(128, chunks.Count);
        Assert.Equal(Enumerable.Range(0, 128).Select(i => i * 65_536L), chunks.Select(r => (long)r[0]!));
        Assert.All(chunks, r => Assert.Equal(65_536, ((byte[])r[1]!).Length));
    }

    [Fact]
    public void A_gap_in_the_chunks_is_a_protocol_violation()
    {
        var chunk = new byte[BloomFilterBuildOperatorChunk()];
        var damaged = Plans.Scan(InMemoryTable.FromRows([SqlType.Int8, SqlType.Bytea], [[0L, chunk], [2L * chunk.Length, chunk]]));
        var probe = new BloomFilterProbeOperator(ProbeSide(10), damaged, [Expr.Column(0, SqlType.Int4)], 8L * 4 * chunk.Length, 3);

        var error = Assert.Throws<ExecutionException>(() => Plans.Run(probe));
        Assert.Equal("08P01", error.SqlState);
    }

    private static int BloomFilterBuildOperatorChunk() => Planner.Logical.BloomFilterBuild.ChunkBytes;
}
