using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Joins;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators;

/// <summary>
/// The parallel build of a packed-key join (one part per worker, concatenated; the radix count and scatter on
/// every worker, regions cleared as they are filled), at one and two workers: build sides past the size at which the
/// radix pass splits across workers, keys that crowd one partition, NULL keys on either side, empty sides, text
/// columns carried through the concatenation, and the memory limit hit part-way through a build.
/// </summary>
public class ParallelJoinBuildTests
{
    /// <summary>Past PartitionScatter's single-thread threshold (65,536 rows), so the radix pass splits.</summary>
    private const int BuildRows = 90_000;

    private static readonly SqlType[] Types = [SqlType.Int8, SqlType.Int4, SqlType.Text, SqlType.Int8];

    /// <summary>Rows (key, key mod 5, text, 3 × key): key = f(i), NULL where <paramref name="nullEvery"/> divides i.</summary>
    private static InMemoryTable Table(int rows, Func<int, long> key, int nullEvery = 0) =>
        InMemoryTable.FromRows(Types, Enumerable.Range(0, rows).Select(i =>
        {
            long? k = nullEvery > 0 && i % nullEvery == 0 ? null : key(i);
            return new object?[] { k, (int)(k % 5 ?? 0), i % 3 == 0 ? null : $"row-{i}", k * 3 };
        }));

    private static List<object?[]> Expected(InMemoryTable probe, InMemoryTable build, int[] columns, JoinType type)
    {
        var probeRows = Plans.Run(Plans.Scan(probe), 1);
        var buildRows = Plans.Run(Plans.Scan(build), 1);
        string KeyOf(object?[] row) => string.Join("|", columns.Select(c => row[c]));
        bool Keyed(object?[] row) => columns.All(c => row[c] is not null);
        var byKey = buildRows.Where(Keyed).ToLookup(KeyOf);
        var buildHasNull = buildRows.Any(b => !Keyed(b));
        return type switch
        {
            JoinType.Inner => [.. probeRows.Where(Keyed).SelectMany(p => byKey[KeyOf(p)].Select(b => (object?[])[.. p, .. b]))],
            JoinType.Anti => [.. probeRows.Where(p => !Keyed(p) || !byKey.Contains(KeyOf(p)))],
            JoinType.NullAwareAnti => buildRows.Count == 0 ? probeRows
                : buildHasNull ? [] : [.. probeRows.Where(p => Keyed(p) && !byKey.Contains(KeyOf(p)))],
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }

    private static HashJoinOperator Join(InMemoryTable probe, InMemoryTable build, int[] columns, JoinType type)
    {
        IReadOnlyList<Expression> Keys() => [.. columns.Select(c => Expr.Column(c, Types[c]))];
        return new HashJoinOperator(Plans.Scan(probe), Plans.Scan(build), Keys(), Keys(), type);
    }

    public static TheoryData<int, int[], JoinType> Shapes => new()
    {
        { 1, [0], JoinType.Inner },
        { 2, [0], JoinType.Inner },
        { 2, [0, 1], JoinType.Inner },
        { 1, [0, 3, 1], JoinType.Inner },
        { 2, [0, 3, 1], JoinType.Inner },
        { 1, [0, 1], JoinType.Anti },
        { 2, [0], JoinType.Anti },
        { 2, [0], JoinType.NullAwareAnti },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_large_build_with_sparse_keys_matches_the_reference(int workers, int[] columns, JoinType type)
    {
        // Sparse 64-bit keys (no dense index), each build key twice, every 997th probe key missing.
        var build = Table(BuildRows, i => (i / 2) * 1_000_003L << 8);
        var probe = Table(20_000, i => i % 997 == 0 ? -1 : (i * 2L) * 1_000_003L << 8);
        var expected = Expected(probe, build, columns, type);

        Assert.NotEmpty(expected);
        Assert.Equal(Plans.Sorted(expected), Plans.Sorted(Plans.Run(Join(probe, build, columns, type), workers)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Keys_that_crowd_one_partition_still_join_exactly(int workers)
    {
        // One build row in five has the same key: its partition would need a fifth of all rows' room, eight times
        // the average, so the table is one region instead of one per partition.
        var build = Table(BuildRows, i => i % 5 == 0 ? 42L << 20 : i * 7_919L << 20);
        var probe = Table(3_000, i => i % 1_500 == 0 ? 42L << 20 : i * 7_919L << 20);
        var expected = Expected(probe, build, [0], JoinType.Inner);

        Assert.True(expected.Count > 2 * (BuildRows / 5));
        Assert.Equal(Plans.Sorted(expected), Plans.Sorted(Plans.Run(Join(probe, build, [0], JoinType.Inner), workers)));
    }

    [Theory]
    [InlineData(1, JoinType.Inner)]
    [InlineData(2, JoinType.Inner)]
    [InlineData(2, JoinType.Anti)]
    [InlineData(1, JoinType.NullAwareAnti)]
    [InlineData(2, JoinType.NullAwareAnti)]
    public void NULL_keys_in_a_parallel_build_match_nothing_and_empty_NOT_IN(int workers, JoinType type)
    {
        var build = Table(BuildRows, i => i * 31L << 16, nullEvery: 10_007);
        var probe = Table(5_000, i => i * 62L << 16, nullEvery: 101);
        var expected = Expected(probe, build, [0], type);

        Assert.Equal(type == JoinType.NullAwareAnti, expected.Count == 0);
        Assert.Equal(Plans.Sorted(expected), Plans.Sorted(Plans.Run(Join(probe, build, [0], type), workers)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Empty_sides_join_to_the_right_answer(int workers)
    {
        var empty = Table(0, i => i);
        var some = Table(BuildRows, i => i * 13L << 16, nullEvery: 1_000);
        Assert.Empty(Plans.Run(Join(some, empty, [0], JoinType.Inner), workers));
        Assert.Empty(Plans.Run(Join(empty, some, [0], JoinType.Inner), workers));
        // NOT IN over an empty subquery keeps every probe row, NULL keys included.
        Assert.Equal(BuildRows, Plans.Run(Join(some, empty, [0], JoinType.NullAwareAnti), workers).Count);
        Assert.Equal(BuildRows, Plans.Run(Join(some, empty, [0], JoinType.Anti), workers).Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_memory_limit_stops_a_parallel_build_with_53200_and_gives_everything_back(int workers)
    {
        var build = Table(BuildRows, i => i * 31L << 16);
        var probe = Table(1_000, i => i * 31L << 16);
        var memory = new MemoryBudget(2L << 20);

        var e = Assert.Throws<ExecutionException>(() => Plans.Run(Join(probe, build, [0], JoinType.Inner), workers, memory));

        Assert.Equal("53200", e.SqlState);
        Assert.True(memory.Peak <= memory.Limit);
        Assert.Equal(0, memory.Used);
    }
}
