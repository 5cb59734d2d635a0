using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Joins;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators;

/// <summary>
/// Build sides large enough that the hash join radix-partitions them (about 4K rows a partition), with keys of
/// every layout the partition pass copies differently: one 8-byte column (kept inline), two columns (a wider
/// fixed-width key) and text (variable width), NULLs and duplicate keys included.
/// </summary>
public class PartitionedJoinTests
{
    private const int BuildRows = 40_000;

    private static InMemoryTable Table(int rows, int seed) =>
        InMemoryTable.FromRows([SqlType.Int8, SqlType.Int4, SqlType.Text], Enumerable.Range(0, rows).Select(i =>
        {
            var random = new Random(seed + i);
            var k = random.Next(20) == 0 ? (long?)null : random.Next(30_000);
            return new object?[] { k, (int)(k ?? 0) % 7, k is null ? null : $"flow-{k}" };
        }));

    public static TheoryData<int[], JoinType> Keys => new()
    {
        { [0], JoinType.Inner },
        { [0, 1], JoinType.Inner },
        { [2], JoinType.Inner },
        { [0, 1], JoinType.Anti },
        { [2], JoinType.Semi },
        { [2], JoinType.Full },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_partitioned_build_matches_a_nested_loop(int[] columns, JoinType type)
    {
        var probe = Table(3_000, 1);
        var build = Table(BuildRows, 500_000);
        IReadOnlyList<Expression> Keys() => [.. columns.Select(c => Expr.Column(c, new[] { SqlType.Int8, SqlType.Int4, SqlType.Text }[c]))];
        var plan = new HashJoinOperator(Plans.Scan(probe), Plans.Scan(build), Keys(), Keys(), type);

        var probeRows = Plans.Run(Plans.Scan(probe));
        var buildRows = Plans.Run(Plans.Scan(build));
        bool Match(object?[] p, object?[] b) => columns.All(c => p[c] is not null && b[c] is not null && p[c]!.Equals(b[c]));
        object?[] Pair(object?[]? p, object?[]? b) => [.. p ?? [null, null, null], .. b ?? [null, null, null]];
        string KeyOf(object?[] row) => string.Join("|", columns.Select(c => row[c]));
        var byKey = buildRows.ToLookup(KeyOf);
        List<object?[]> Matches(object?[] p) => [.. byKey[KeyOf(p)].Where(b => Match(p, b))];
        var probeKeys = probeRows.Where(p => columns.All(c => p[c] is not null)).Select(KeyOf).ToHashSet();
        var expected = type switch
        {
            JoinType.Inner => probeRows.SelectMany(p => Matches(p).Select(b => Pair(p, b))).ToList(),
            JoinType.Semi => probeRows.Where(p => Matches(p).Count > 0).ToList(),
            JoinType.Anti => probeRows.Where(p => Matches(p).Count == 0).ToList(),
            _ => [.. probeRows.SelectMany(p => Matches(p) is { Count: > 0 } m ? m.Select(b => Pair(p, b)) : [Pair(p, null)]),
                  .. buildRows.Where(b => !columns.All(c => b[c] is not null) || !probeKeys.Contains(KeyOf(b))).Select(b => Pair(null, b))],
        };

        Assert.NotEmpty(expected);
        Assert.Equal(Plans.Sorted(expected), Plans.Sorted(Plans.Run(plan, parallelism: 2)));
    }
}
