using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Aggregates;
using Vnd.Executor.Operators.Hashing;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators.Hashing;

/// <summary>
/// The optimistic narrow group-key layout (<see cref="PackedKeyLayout.TryCreateNarrow"/>): which keys get one, that a
/// widened narrow key is exactly the wide encoding of its values, and that a table which starts narrow and meets a
/// port above 65535, a negative port or a NULL mid-stream switches to the wide layout without losing, splitting or
/// renumbering a group — for DISTINCT, for GROUP BY with aggregates, and when a narrow worker's table is merged with
/// a wide one.
/// </summary>
public sealed class NarrowGroupKeyTests
{
    private static readonly SqlType[] FiveTuple = [SqlType.Inet4, SqlType.Inet4, SqlType.Int2, SqlType.Int4, SqlType.Int4];

    [Fact]
    public void Narrow_layouts_exist_only_where_they_save_a_word()
    {
        Assert.Equal((3, 2), Words(FiveTuple));
        Assert.Equal((2, 1), Words([SqlType.Inet4, SqlType.Int4]));
        Assert.Equal((3, 1), Words([SqlType.Int8, SqlType.Int8]));
        Assert.Equal((2, 1), Words([SqlType.Int4, SqlType.Int4]));
        Assert.Null(Narrow([SqlType.Inet4]));
        Assert.Null(Narrow([SqlType.Int4]));
        Assert.Null(Narrow([SqlType.Int2, SqlType.Int2]));
        Assert.Null(Narrow([SqlType.Float8, SqlType.Float8]));
        Assert.True(Narrow(FiveTuple)!.IsNarrow);
        Assert.False(Wide(FiveTuple)!.IsNarrow);
    }

    [Fact]
    public void A_widened_narrow_key_is_the_wide_encoding_of_the_same_values()
    {
        var types = new[] { SqlType.Inet4, SqlType.Inet4, SqlType.Int2, SqlType.Int4, SqlType.Int4, SqlType.Int8, SqlType.Bool };
        var random = new Random(5);
        var columns = types.Select(t => new Vector(t)).ToArray();
        const int n = 500;
        for (var k = 0; k < n; k++)
        {
            columns[0].Data<uint>()[k] = (uint)random.NextInt64(0, 1L << 32);
            columns[1].Data<uint>()[k] = k % 7 == 0 ? uint.MaxValue : (uint)random.Next();
            columns[2].Data<short>()[k] = (short)random.Next(short.MinValue, short.MaxValue + 1);
            columns[3].Data<int>()[k] = k % 5 == 0 ? 65535 : random.Next(65536);
            columns[4].Data<int>()[k] = k % 3 == 0 ? 0 : random.Next(65536);
            columns[5].Data<long>()[k] = k % 11 == 0 ? uint.MaxValue : random.NextInt64(0, 1L << 32);
            columns[6].Data<bool>()[k] = k % 2 == 0;
        }
        var rows = Enumerable.Range(0, n).ToArray();
        var narrowLayout = Narrow(types)!;
        var wideLayout = Wide(types)!;
        var narrow = new PackedKeyEncoder(narrowLayout);
        var wide = new PackedKeyEncoder(wideLayout);
        Assert.True(narrow.TryEncodeWords(columns, rows));
        narrow.ComputeHashes(n);
        wide.Encode(columns, rows);
        var widened = new ulong[wide.Words];
        for (var k = 0; k < n; k++)
        {
            PackedKeyLayout.Widen(narrowLayout, wideLayout, narrow.Keys(n).Slice(k * narrow.Words, narrow.Words), widened);
            Assert.Equal(wide.Keys(n).Slice(k * wide.Words, wide.Words).ToArray(), widened);
            Assert.Equal(wide.Hashes[k], PackedKeyEncoder.HashWords(widened));
            Assert.Equal(narrow.Hashes[k], PackedKeyEncoder.HashWords(narrow.Keys(n).Slice(k * narrow.Words, narrow.Words)));
        }
    }

    [Theory]
    [InlineData(65536)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Keys_that_do_not_fit_a_narrow_field_are_refused(int port)
    {
        var columns = FiveTuple.Select(t => new Vector(t)).ToArray();
        var rows = Enumerable.Range(0, 3).ToArray();
        // Every value of the three rows set: a new vector's buffer is uninitialised, and leftover bytes in rows 0 and 1
        // made the narrow encoding of those two rows fail now and then (a flaky run, 2026-11-27).
        for (var r = 0; r < rows.Length; r++)
        {
            columns[0].Data<uint>()[r] = 0x0A00_0001u + (uint)r;
            columns[1].Data<uint>()[r] = 0x0A00_0101u;
            columns[2].Data<short>()[r] = 6;
            columns[3].Data<int>()[r] = 40000 + r;
            columns[4].Data<int>()[r] = 443;
        }
        columns[3].Data<int>()[2] = port;
        var narrow = new PackedKeyEncoder(Narrow(FiveTuple)!);
        Assert.False(narrow.TryEncodeWords(columns, rows));
        Assert.False(narrow.TryEncodeWords(columns, rows.AsSpan(1, 2)));
        Assert.True(narrow.TryEncodeWords(columns, rows.AsSpan(0, 2)));
        Assert.False(narrow.TryEncodeWords([.. columns[..3], VectorValues.Constant(SqlType.Int4, port), columns[4]], rows));
        columns[4].Validity.SetNull(1);
        Assert.False(narrow.TryEncodeWords(columns, rows.AsSpan(0, 2)));
    }

    [Fact]
    public void Distinct_switches_to_the_wide_layout_mid_stream_and_keeps_every_group_and_its_number()
    {
        // Narrow batches, then a port above 65535, then a NULL, then a negative port, then narrow ones again.
        var batches = new List<List<object?[]>>();
        var random = new Random(17);
        for (var b = 0; b < 8; b++)
        {
            var batch = new List<object?[]>();
            for (var i = 0; i < 900; i++)
                batch.Add(Tuple(random, b switch { 3 when i == 450 => 70000, 5 when i == 10 => -1, _ => random.Next(0, 65536) % 40 }, b == 4 && i == 899));
            batches.Add(batch);
        }
        using var table = new GroupTable(FiveTuple, [], MemoryBudget.Unlimited());
        var order = new List<string>();
        foreach (var batch in batches)
        {
            Feed(table, batch, null);
            foreach (var row in batch)
            {
                var key = Plans.Key(row);
                if (!order.Contains(key))
                    order.Add(key);
            }
        }
        // Groups are numbered by first appearance, before and after the switch.
        Assert.Equal(order, Keys(table));
        Assert.Contains(order, k => k.Contains("|70000|", StringComparison.Ordinal));
        Assert.Contains(order, k => k.Contains("|-1|", StringComparison.Ordinal));
        Assert.Contains(order, k => k.Contains('∅', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Group_by_with_aggregates_merges_a_narrow_table_with_a_wide_one(bool narrowFirst)
    {
        var random = new Random(29);
        var narrowRows = Enumerable.Range(0, 3000).Select(_ => Tuple(random, random.Next(30), false)).ToList();
        var wideRows = Enumerable.Range(0, 3000).Select(i => Tuple(random, i % 97 == 0 ? 100_000 + random.Next(3) : random.Next(30), i % 101 == 0)).ToList();
        var calls = new[] { AggregateCall.CountStar(), new AggregateCall(AggregateKind.Sum, Expr.Column(4, SqlType.Int4)) };
        var memory = MemoryBudget.Unlimited();
        using var narrow = new GroupTable(FiveTuple, calls, memory);
        using var wide = new GroupTable(FiveTuple, calls, memory);
        Feed(narrow, narrowRows, 4);
        Feed(wide, wideRows, 4);
        var target = narrowFirst ? narrow : wide;
        target.Merge(narrowFirst ? wide : narrow);
        // Merging the narrow table last also widens it, and rows fed afterwards meet their groups in the wide layout.
        var more = narrowRows.Take(500).ToList();
        Feed(target, more, 4);
        var expected = narrowRows.Concat(wideRows).Concat(more).GroupBy(Plans.Key).Select(g => new object?[]
        {
            g.Key, (long)g.Count(), g.Any(r => r[4] is not null) ? (long?)g.Where(r => r[4] is not null).Sum(r => (long)(int)r[4]!) : null,
        });
        var counts = new Vector(SqlType.Int8, target.Count);
        var sums = new Vector(SqlType.Int8, target.Count);
        target.Accumulators[0].Finish(0, target.Count, counts);
        target.Accumulators[1].Finish(0, target.Count, sums);
        var actual = Keys(target).Select((key, g) => new object?[] { key, VectorValues.Get(counts, g), VectorValues.Get(sums, g) });
        Assert.Equal(Plans.Sorted(expected), Plans.Sorted(actual));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Hash_aggregate_over_batches_that_turn_wide_matches_linq(int parallelism)
    {
        // Many scan batches: the first few narrow, then one with a port above 65535, later one with a NULL; with
        // several workers some tables stay narrow and are merged into wide ones.
        var random = new Random(41);
        var rows = new List<object?[]>();
        var count = Batch.Capacity * 12;
        for (var i = 0; i < count; i++)
        {
            var port = i == Batch.Capacity * 5 + 7 ? 65536 : random.Next(50);
            rows.Add(Tuple(random, port, i == Batch.Capacity * 8 + 3));
        }
        var table = new InMemoryTable(FiveTuple, ["src", "dst", "proto", "sport", "dport"]);
        foreach (var row in rows)
            table.AppendRow(row);
        var keys = Enumerable.Range(0, 5).Select(c => Expr.Column(c, FiveTuple[c])).ToArray();
        var distinct = new HashAggregateOperator(Plans.Scan(table), keys, []);
        Assert.Equal(Plans.Sorted(rows.DistinctBy(Plans.Key)), Plans.Sorted(Plans.Run(distinct, parallelism)));
        var grouped = new HashAggregateOperator(Plans.Scan(table), keys,
            [AggregateCall.CountStar(), new(AggregateKind.Max, keys[3]), new(AggregateKind.Sum, keys[4])]);
        var expected = rows.GroupBy(Plans.Key).Select(g =>
        {
            var first = g.First();
            var ports = g.Where(r => r[3] is not null).Select(r => (int)r[3]!).ToList();
            var sums = g.Where(r => r[4] is not null).Select(r => (long)(int)r[4]!).ToList();
            return new object?[]
            {
                first[0], first[1], first[2], first[3], first[4], (long)g.Count(),
                ports.Count == 0 ? null : ports.Max(), sums.Count == 0 ? null : sums.Sum(),
            };
        });
        Assert.Equal(Plans.Sorted(expected), Plans.Sorted(Plans.Run(grouped, parallelism)));
    }

    /// <summary>A 5-tuple over few addresses and protocols; <paramref name="port"/> is the source port, the
    /// destination port is NULL when <paramref name="nullPort"/>.</summary>
    private static object?[] Tuple(Random random, int port, bool nullPort) =>
    [
        InetValue.FromV4(0x0A000000u + (uint)random.Next(4)), InetValue.FromV4(0xC0A80000u + (uint)random.Next(3)),
        (short)(random.Next(2) == 0 ? 6 : 17), port, nullPort ? null : random.Next(3) * 1000,
    ];

    /// <summary>Adds the rows as one batch (every other physical row live, as after a filter); the aggregates read
    /// column <paramref name="argument"/> (null: count(*) only, or no aggregates).</summary>
    private static void Feed(GroupTable table, List<object?[]> rows, int? argument)
    {
        for (var start = 0; start < rows.Count; start += 1000)
        {
            var n = Math.Min(1000, rows.Count - start);
            var columns = FiveTuple.Select(t => new Vector(t)).ToArray();
            var live = Enumerable.Range(0, n).Select(k => 2 * k).ToArray();
            for (var k = 0; k < n; k++)
            {
                for (var c = 0; c < FiveTuple.Length; c++)
                {
                    VectorValues.Set(columns[c], live[k], rows[start + k][c]);
                    // The dead rows hold values that would not fit the narrow layout: only live rows count.
                    VectorValues.Set(columns[c], live[k] + 1, c == 3 ? -5 : rows[start + k][c]);
                }
            }
            Vector?[] arguments = table.Accumulators.Length == 0 ? [] : [null, argument is { } a ? columns[a] : null];
            table.Add(live, columns, arguments);
        }
    }

    private static List<string> Keys(GroupTable table)
    {
        var ids = Enumerable.Range(0, table.Count).ToArray();
        var keys = FiveTuple.Select(t => new Vector(t, Math.Max(1, table.Count))).ToArray();
        for (var c = 0; c < FiveTuple.Length; c++)
            table.KeyValues.Gather(c, ids, keys[c], 0);
        return ids.Select(g => Plans.Key(keys.Select(v => VectorValues.Get(v, g)).ToArray())).ToList();
    }

    private static PackedKeyLayout? Wide(SqlType[] types) => PackedKeyLayout.TryCreate(types.Select(PhysicalTypes.Of).ToArray());

    private static PackedKeyLayout? Narrow(SqlType[] types) => Wide(types) is { } wide ? PackedKeyLayout.TryCreateNarrow(wide) : null;

    private static (int Wide, int Narrow) Words(SqlType[] types) => (Wide(types)!.Words, Narrow(types)!.Words);
}
