using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Hashing;
using Vnd.Executor.Operators.Joins;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators;

/// <summary>
/// Joins whose keys are packed into words (<see cref="JoinKeyEncoder"/>, <see cref="JoinKeyTable"/>): several
/// columns of different integer widths on the two sides (int2 = int8, int4 = int2), negative and sparse values
/// (so no dense index applies), NULLs in every key column, every join type, build sides large enough for many
/// partitions, and keys repeated so often that the build falls back to one region.
/// </summary>
public class PackedJoinKeyTests
{
    // Probe: (a int2, b int4, c int8, x int4); build: (a int8, b int2, c int4, y int4). Keys a = a, b = b, c = c.
    private static readonly SqlType[] ProbeTypes = [SqlType.Int2, SqlType.Int4, SqlType.Int8, SqlType.Int4];
    private static readonly SqlType[] BuildTypes = [SqlType.Int8, SqlType.Int2, SqlType.Int4, SqlType.Int4];

    private static List<object?[]> Rows(int count, int seed, int distinct, bool probe)
    {
        var random = new Random(seed);
        var rows = new List<object?[]>(count);
        for (var i = 0; i < count; i++)
        {
            var v = random.Next(distinct);
            // Sparse, signed values: a spans int2's range, c int4's, so a dense index never applies.
            var a = (short)((v % 101 * 641) - 32_000);
            var b = (short)(-(v % 7) * 4_000);
            var c = (v * 48_271) - 1_000_000_000;
            object? A() => random.Next(30) == 0 ? null : probe ? a : (long)a;
            object? B() => random.Next(30) == 0 ? null : probe ? (int)b : b;
            object? C() => random.Next(30) == 0 ? null : probe ? (long)c : c;
            rows.Add([A(), B(), C(), i]);
        }
        return rows;
    }

    private static IReadOnlyList<Expression> Keys(SqlType[] types) => [.. Enumerable.Range(0, 3).Select(c => Expr.Column(c, types[c]))];

    private static bool Match(object?[] p, object?[] b) =>
        Enumerable.Range(0, 3).All(c => p[c] is not null && b[c] is not null && Convert.ToInt64(p[c]) == Convert.ToInt64(b[c]));

    private static List<object?[]> Reference(List<object?[]> probe, List<object?[]> build, JoinType type)
    {
        string? KeyOf(object?[] row) => Enumerable.Range(0, 3).Any(c => row[c] is null) ? null : string.Join("|", Enumerable.Range(0, 3).Select(c => Convert.ToInt64(row[c])));
        var byKey = build.Where(b => KeyOf(b) is not null).ToLookup(b => KeyOf(b)!);
        List<object?[]> Matches(object?[] p) => KeyOf(p) is { } k ? [.. byKey[k].Where(b => Match(p, b))] : [];
        object?[] Pair(object?[]? p, object?[]? b) => [.. p ?? [null, null, null, null], .. b ?? [null, null, null, null]];
        var probeKeys = probe.Select(KeyOf).Where(k => k is not null).ToHashSet();
        var unmatchedBuild = build.Where(b => KeyOf(b) is not { } k || !probeKeys.Contains(k)).Select(b => Pair(null, b));
        var buildHasNull = build.Any(b => KeyOf(b) is null);
        return type switch
        {
            JoinType.Inner => [.. probe.SelectMany(p => Matches(p).Select(b => Pair(p, b)))],
            JoinType.Left => [.. probe.SelectMany(p => Matches(p) is { Count: > 0 } m ? m.Select(b => Pair(p, b)) : [Pair(p, null)])],
            JoinType.Right => [.. probe.SelectMany(p => Matches(p).Select(b => Pair(p, b))), .. unmatchedBuild],
            JoinType.Full => [.. probe.SelectMany(p => Matches(p) is { Count: > 0 } m ? m.Select(b => Pair(p, b)) : [Pair(p, null)]), .. unmatchedBuild],
            JoinType.Semi => [.. probe.Where(p => Matches(p).Count > 0)],
            JoinType.Anti => [.. probe.Where(p => Matches(p).Count == 0)],
            _ => buildHasNull ? [] : [.. probe.Where(p => KeyOf(p) is not null && Matches(p).Count == 0)],
        };
    }

    public static TheoryData<JoinType, int> Cases => new()
    {
        { JoinType.Inner, 9_000 },
        { JoinType.Left, 9_000 },
        { JoinType.Right, 9_000 },
        { JoinType.Full, 9_000 },
        { JoinType.Semi, 9_000 },
        { JoinType.Anti, 9_000 },
        // One key repeated 20,000 times: one partition would hold every row, so the build uses one region.
        { JoinType.Inner, 1 },
        { JoinType.Full, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mixed_width_multi_column_keys_match_a_reference(JoinType type, int distinct)
    {
        var probeRows = Rows(distinct == 1 ? 8 : 6_000, 7, distinct, probe: true);
        var buildRows = Rows(20_000, 11, distinct, probe: false);
        var plan = new HashJoinOperator(Plans.Scan(InMemoryTable.FromRows(ProbeTypes, probeRows)), Plans.Scan(InMemoryTable.FromRows(BuildTypes, buildRows)),
            Keys(ProbeTypes), Keys(BuildTypes), type);
        Assert.NotNull(plan.BuildLayout);
        var expected = Reference(probeRows, buildRows, type);
        Assert.NotEmpty(expected);
        Assert.Equal(Plans.Sorted(expected), Plans.Sorted(Plans.Run(plan, parallelism: 2)));
    }

    [Fact]
    public void Not_in_on_a_sparse_key_follows_the_null_rule()
    {
        var probe = InMemoryTable.FromRows([SqlType.Int4], [[-70_000], [5_000_000], [null], [123_456_789]]);
        var withNull = InMemoryTable.FromRows([SqlType.Int8], [[-70_000L], [null], [9_000_000_000L]]);
        var noNull = InMemoryTable.FromRows([SqlType.Int8], [[-70_000L], [9_000_000_000L], [4_294_967_296L + 5_000_000]]);
        PhysicalOperator NotIn(InMemoryTable sub) => new HashJoinOperator(Plans.Scan(probe), Plans.Scan(sub),
            [Expr.Column(0, SqlType.Int4)], [Expr.Column(0, SqlType.Int8)], JoinType.NullAwareAnti);
        Assert.Empty(Plans.Run(NotIn(withNull)));
        // 4294967296 + 5000000 agrees with 5000000 in its low 32 bits: an int8 key must be compared whole.
        Assert.Equal(["123456789", "5000000"], Plans.Sorted(Plans.Run(NotIn(noNull))));
    }

    [Fact]
    public void Float_keys_meet_as_postgres_compares_them()
    {
        // PostgreSQL: -0 = 0 and NaN = NaN for float8.
        var a = InMemoryTable.FromRows([SqlType.Float8, SqlType.Int4], [[0.0, 1], [double.NaN, 2], [1.5, 3], [null, 4]]);
        var b = InMemoryTable.FromRows([SqlType.Float8, SqlType.Int4], [[-0.0, 10], [double.NaN, 20], [2.5, 30], [null, 40]]);
        var plan = new HashJoinOperator(Plans.Scan(a), Plans.Scan(b), [Expr.Column(0, SqlType.Float8)], [Expr.Column(0, SqlType.Float8)], JoinType.Inner);
        Assert.NotNull(plan.BuildLayout);
        Assert.Equal(2, Plans.Run(plan).Count);
    }

    [Fact]
    public void Join_layouts_share_fields_and_refuse_what_cannot_pack()
    {
        var probe = PackedKeyLayout.TryCreateForJoin([PhysicalType.Int16, PhysicalType.Inet4, PhysicalType.Int64], [PhysicalType.Int64, PhysicalType.Inet4, PhysicalType.Int32])!;
        var build = PackedKeyLayout.TryCreateForJoin([PhysicalType.Int64, PhysicalType.Inet4, PhysicalType.Int32], [PhysicalType.Int16, PhysicalType.Inet4, PhysicalType.Int64])!;
        Assert.Equal(3, probe.Words);
        Assert.Equal(probe.Values, build.Values);
        Assert.Equal(64, probe.Values[0].Bits);
        Assert.Null(PackedKeyLayout.TryCreateForJoin([PhysicalType.VarBytes], [PhysicalType.VarBytes]));
        Assert.Null(PackedKeyLayout.TryCreateForJoin([PhysicalType.Int32], [PhysicalType.Inet4]));
        Assert.Null(PackedKeyLayout.TryCreateForJoin([.. Enumerable.Repeat(PhysicalType.Int64, 5)], [.. Enumerable.Repeat(PhysicalType.Int64, 5)]));
    }
}
