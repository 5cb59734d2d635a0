using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Joins;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators;

/// <summary>
/// A packed-key build kept in 64K-row chunks (<see cref="BuildChunkStore"/>) whose slot table is large enough to
/// be mapped on huge pages (<see cref="HugePageMemory"/>): builds of several chunks, each worker's last chunk partly
/// filled so row ids have gaps, read back through outer joins (unmatched build rows emitted once, gaps never),
/// text and NULL payload columns gathered across chunks, NULL keys, and the memory limit.
/// </summary>
public class ChunkedJoinBuildTests
{
    /// <summary>Three chunks and more; the slot table is past HugePageMemory's 4 MB threshold.</summary>
    private const int BuildRows = 200_000;

    private static readonly SqlType[] Types = [SqlType.Int8, SqlType.Text, SqlType.Int4];

    /// <summary>Rows (key, text or NULL, i): key = f(i), NULL where <paramref name="nullEvery"/> divides i.</summary>
    private static InMemoryTable Table(int rows, Func<int, long> key, int nullEvery) =>
        InMemoryTable.FromRows(Types, Enumerable.Range(0, rows).Select(i =>
        {
            long? k = i % nullEvery == 0 ? null : key(i);
            return new object?[] { k, i % 7 == 0 ? null : $"t{i}", i };
        }));

    private static HashJoinOperator Join(InMemoryTable probe, InMemoryTable build, JoinType type) =>
        new(Plans.Scan(probe), Plans.Scan(build), [Expr.Column(0, Types[0])], [Expr.Column(0, Types[0])], type);

    /// <summary>The join computed row by row: matches, then unmatched probe rows (left/full) and unmatched build
    /// rows (right/full) padded with NULLs.</summary>
    private static List<object?[]> Expected(InMemoryTable probe, InMemoryTable build, JoinType type)
    {
        var probeRows = Plans.Run(Plans.Scan(probe), 1);
        var buildRows = Plans.Run(Plans.Scan(build), 1);
        var byKey = buildRows.Where(b => b[0] is not null).ToLookup(b => (long)b[0]!);
        var matchedBuild = new HashSet<object?[]>();
        var result = new List<object?[]>();
        object?[] nulls = [null, null, null];
        foreach (var p in probeRows)
        {
            var matches = p[0] is long k ? byKey[k].ToList() : [];
            foreach (var b in matches)
            {
                matchedBuild.Add(b);
                result.Add([.. p, .. b]);
            }
            if (matches.Count == 0 && type is JoinType.Left or JoinType.Full)
                result.Add([.. p, .. nulls]);
        }
        if (type is JoinType.Right or JoinType.Full)
            result.AddRange(buildRows.Where(b => !matchedBuild.Contains(b)).Select(b => (object?[])[.. nulls, .. b]));
        return result;
    }

    [Theory]
    [InlineData(1, JoinType.Right)]
    [InlineData(2, JoinType.Right)]
    [InlineData(2, JoinType.Full)]
    [InlineData(2, JoinType.Left)]
    [InlineData(2, JoinType.Inner)]
    public void Outer_joins_over_a_chunked_build_emit_every_row_once(int workers, JoinType type)
    {
        // Sparse keys (no dense index), every third build key repeated; the probe hits one build key in four.
        var build = Table(BuildRows, i => (i - (i % 3 == 1 ? 1 : 0)) * 1_000_003L << 4, nullEvery: 9_973);
        var probe = Table(30_000, i => i * 4L * 1_000_003L << 4, nullEvery: 211);
        var expected = Expected(probe, build, type);

        var actual = Plans.Run(Join(probe, build, type), workers);

        Assert.Equal(Plans.Sorted(expected), Plans.Sorted(actual));
        if (type is JoinType.Right or JoinType.Full)
            Assert.Contains(actual, row => row[0] is null && row[3] is null);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_build_key_in_one_partition_joins_exactly(int workers)
    {
        // One key for every build row: one chain of BuildRows rows, the table collapsed to one region.
        var build = Table(BuildRows, _ => 5L << 40, nullEvery: 50_000);
        var probe = Table(3, i => i == 1 ? 5L << 40 : i, nullEvery: 1_000);

        var actual = Plans.Run(Join(probe, build, JoinType.Inner), workers);

        Assert.Equal(Plans.Sorted(Expected(probe, build, JoinType.Inner)), Plans.Sorted(actual));
        Assert.Equal(BuildRows - 4, actual.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_memory_limit_stops_a_chunked_build_with_53200_and_gives_everything_back(int workers)
    {
        var build = Table(BuildRows, i => i * 31L << 16, nullEvery: 1_000);
        var probe = Table(1_000, i => i * 31L << 16, nullEvery: 1_000);
        // Less than the chunks and the slot table need: the limit is hit part-way through the build.
        var memory = new MemoryBudget(12L << 20);

        var e = Assert.Throws<ExecutionException>(() => Plans.Run(Join(probe, build, JoinType.Right), workers, memory));

        Assert.Equal("53200", e.SqlState);
        Assert.Equal(0, memory.Used);
    }

    [Fact]
    public void Huge_page_memory_is_zeroed_and_writable_at_either_size()
    {
        foreach (var bytes in new[] { 64L, 6L << 20 })
        {
            using var memory = new HugePageMemory(bytes);
            unsafe
            {
                var words = new Span<ulong>(memory.Pointer, (int)(bytes / 8));
                Assert.True(words.IndexOfAnyExcept(0UL) < 0);
                words.Fill(ulong.MaxValue);
                Assert.Equal(ulong.MaxValue, words[^1]);
            }
        }
    }
}
