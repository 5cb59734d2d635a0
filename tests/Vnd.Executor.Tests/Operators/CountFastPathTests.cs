using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Aggregates;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators;

/// <summary>
/// The group table's count-only fast path (every aggregate a count, one direct-indexed key): rows are tallied in the
/// direct index's lookup loop and folded into the counts later. Each test mixes what must leave the fast path — NULL
/// keys, count(x) arguments with NULLs, new keys, keys outside the index's range — with batches it takes, over
/// selection vectors and batch sizes that are not a multiple of its four lanes, and compares every group's counts
/// with a plain count of the same rows.
/// </summary>
public sealed class CountFastPathTests
{
    private static readonly Expression X = Expr.Column(1, SqlType.Int8);

    /// <summary>Counts by key (null for the NULL key): count(*) and count(x).</summary>
    private sealed class Expected
    {
        public Dictionary<long, (long Star, long X)> Groups { get; } = [];
        public (long Star, long X) Null { get; set; }

        public void Add(long? key, bool xValid)
        {
            var add = (1L, xValid ? 1L : 0L);
            if (key is { } k)
            {
                var c = Groups.GetValueOrDefault(k);
                Groups[k] = (c.Star + add.Item1, c.X + add.Item2);
            }
            else
            {
                Null = (Null.Star + add.Item1, Null.X + add.Item2);
            }
        }
    }

    private static void Write(Vector key, int row, long value)
    {
        switch (key.PhysicalType)
        {
            case PhysicalType.Int16: key.Data<short>()[row] = (short)value; break;
            case PhysicalType.Int32: key.Data<int>()[row] = (int)value; break;
            default: key.Data<uint>()[row] = (uint)value; break;
        }
    }

    private static long Read(Vector key, int row) => key.PhysicalType switch
    {
        PhysicalType.Int16 => key.Data<short>()[row],
        PhysicalType.Int32 => key.Data<int>()[row],
        _ => key.Data<uint>()[row],
    };

    /// <summary>
    /// One random batch: <paramref name="size"/> rows of keys near <paramref name="low"/> (with the odd outlier, new
    /// key, NULL key or NULL x as the flags say), added to <paramref name="table"/> through a random selection or all
    /// rows, and to <paramref name="expected"/> for the selected rows.
    /// </summary>
    private static void AddBatch(GroupTable table, Expected expected, SqlType keyType, Random random, long low, int size,
        int spread, bool outlier, bool nullKey, bool nullX)
    {
        var key = new Vector(keyType);
        var x = new Vector(SqlType.Int8);
        var keys = new long?[size];
        var xValid = new bool[size];
        for (var i = 0; i < size; i++)
        {
            keys[i] = low + random.Next(spread);
            xValid[i] = true;
        }
        if (outlier)
            keys[random.Next(size)] = low + 100_000 + random.Next(3);
        if (nullKey)
            keys[random.Next(size)] = null;
        if (nullX)
            xValid[random.Next(size)] = false;
        for (var i = 0; i < size; i++)
        {
            if (keys[i] is { } k)
                Write(key, i, k);
            else
                key.SetNull(i);
            if (xValid[i])
                x.Data<long>()[i] = i;
            else
                x.SetNull(i);
        }
        var selected = random.Next(2) == 0
            ? Enumerable.Range(0, size).ToArray()
            : Enumerable.Range(0, size).Where(_ => random.Next(3) != 0).ToArray();
        foreach (var r in selected)
            expected.Add(keys[r], xValid[r]);
        table.Add(selected, [key], [null, x]);
    }

    private static void AssertCounts(Expected expected, GroupTable table, SqlType keyType)
    {
        var ids = Enumerable.Range(0, table.Count).ToArray();
        var keys = new Vector(keyType);
        var star = new Vector(SqlType.Int8);
        var x = new Vector(SqlType.Int8);
        table.KeyValues.Gather(0, ids, keys, 0);
        table.Accumulators[0].Finish(0, table.Count, star);
        table.Accumulators[1].Finish(0, table.Count, x);
        var actual = new Dictionary<long, (long, long)>();
        (long, long)? nullGroup = null;
        for (var g = 0; g < table.Count; g++)
        {
            var counts = (star.Data<long>()[g], x.Data<long>()[g]);
            if (keys.IsNull(g))
                nullGroup = counts;
            else
                actual.Add(Read(keys, g), counts);
        }
        Assert.Equal(expected.Groups.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
        Assert.Equal(expected.Null == default ? null : expected.Null, nullGroup);
    }

    private static GroupTable Table(SqlType keyType, MemoryBudget memory) =>
        new([keyType], [AggregateCall.CountStar(), new(AggregateKind.Count, X)], memory);

    [Theory]
    [InlineData("int2", 11)]
    [InlineData("int4", 12)]
    [InlineData("inet4", 13)]
    public void Tallied_counts_match_a_plain_count_over_nulls_selections_outliers_and_a_merge(string type, int seed)
    {
        var keyType = type switch { "int2" => SqlType.Int2, "int4" => SqlType.Int4, _ => SqlType.Inet4 };
        var low = keyType == SqlType.Int2 ? -20L : keyType == SqlType.Int4 ? -1_000_000L : 0x0A000000L;
        var random = new Random(seed);
        var memory = MemoryBudget.Unlimited();
        using var first = Table(keyType, memory);
        using var second = Table(keyType, memory);
        var expected = new Expected();
        for (var b = 0; b < 40; b++)
        {
            // Sizes 1–3 stay below one round of lanes; the spread grows, so later batches bring keys the index has
            // not seen; every fifth batch has an outlier past the index's range, some a NULL key or a NULL x.
            var size = b % 7 == 3 ? 1 + random.Next(3) : 1 + random.Next(Batch.Capacity);
            var spread = keyType == SqlType.Int2 ? Math.Min(40, 5 + b) : 5 + b * 3;
            var outlier = keyType != SqlType.Int2 && b % 5 == 4;
            AddBatch(b % 2 == 0 ? first : second, expected, keyType, random, low, size, spread, outlier,
                nullKey: b % 9 == 8, nullX: b % 6 == 5);
        }
        first.Merge(second);
        AssertCounts(expected, first, keyType);
    }

    [Fact]
    public void Reading_the_counts_folds_the_tallies_once_and_later_batches_count_on()
    {
        var random = new Random(5);
        using var table = Table(SqlType.Int4, MemoryBudget.Unlimited());
        var expected = new Expected();
        for (var b = 0; b < 3; b++)
            AddBatch(table, expected, SqlType.Int4, random, 100, Batch.Capacity, 20, outlier: false, nullKey: false, nullX: false);
        AssertCounts(expected, table, SqlType.Int4);
        AssertCounts(expected, table, SqlType.Int4);
        for (var b = 0; b < 3; b++)
            AddBatch(table, expected, SqlType.Int4, random, 100, 1 + random.Next(Batch.Capacity), 20, outlier: false, nullKey: false, nullX: false);
        AssertCounts(expected, table, SqlType.Int4);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Grouped_counts_under_a_filter_match_linq_on_every_worker_count(int parallelism)
    {
        // 30,000 rows (15 batches): g has NULLs only in rows 10,000–10,999 and x only in 20,000–20,499, so most
        // batches take the fast path and the others the general one; the filter leaves a selection vector.
        var random = new Random(41);
        var table = new InMemoryTable([SqlType.Int8, SqlType.Int4, SqlType.Int8], ["id", "g", "x"]);
        var rows = new List<(long Id, int? G, long? X)>();
        for (var i = 0; i < 30_000; i++)
        {
            var row = ((long)i, i is >= 10_000 and < 11_000 && random.Next(4) == 0 ? null : (int?)(500 + random.Next(20)),
                i is >= 20_000 and < 20_500 && random.Next(3) == 0 ? null : (long?)i);
            rows.Add(row);
            table.AppendRow(row.Item1, row.Item2, row.Item3);
        }
        var id = Expr.Column(0, SqlType.Int8);
        var filter = new FilterOperator(Plans.Scan(table),
            Expr.Greater(Expr.Modulo(id, Expr.Constant(7L, SqlType.Int8)), Expr.Constant(1L, SqlType.Int8)));
        var plan = new HashAggregateOperator(filter, [Expr.Column(1, SqlType.Int4)],
            [AggregateCall.CountStar(), new(AggregateKind.Count, Expr.Column(2, SqlType.Int8)), AggregateCall.CountStar()]);
        var expected = rows.Where(r => r.Id % 7 > 1).GroupBy(r => r.G)
            .Select(g => new object?[] { g.Key, (long)g.Count(), (long)g.Count(r => r.X is not null), (long)g.Count() });
        Assert.Equal(Plans.Sorted(expected), Plans.Sorted(Plans.Run(plan, parallelism)));
    }
}
