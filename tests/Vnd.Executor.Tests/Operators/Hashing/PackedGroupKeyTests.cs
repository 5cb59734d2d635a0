using Vnd.Executor.Execution;
using Vnd.Executor.Operators.Aggregates;
using Vnd.Executor.Operators.Hashing;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators.Hashing;

/// <summary>
/// Group keys packed into words (<see cref="PackedKeyLayout"/>, <see cref="PackedKeyEncoder"/>): the layouts of
/// the diagnosis queries' keys, and GROUP BY results checked against a dictionary over the boxed values — NULLs
/// in any column (a NULL and a zero are different groups, all NULLs of a column one), constant columns, negative
/// small integers, float normalisation, tens of thousands of groups (table growth, long probe runs) and two
/// workers' tables merged.
/// </summary>
public sealed class PackedGroupKeyTests
{
    private static readonly SqlType[] FiveTuple = [SqlType.Inet4, SqlType.Inet4, SqlType.Int2, SqlType.Int4, SqlType.Int4];

    [Fact]
    public void Layouts_pack_the_diagnosis_keys_into_few_words()
    {
        Assert.Equal(3, Layout(FiveTuple)!.Words);
        Assert.Equal(1, Layout([SqlType.Inet4])!.Words);
        Assert.Equal(1, Layout([SqlType.Float8])!.Words);
        Assert.Equal(3, Layout([SqlType.Int8, SqlType.Int8])!.Words);
        Assert.Equal(3, Layout([SqlType.Inet4, SqlType.Inet4, SqlType.Int4, SqlType.Int4])!.Words);
        Assert.Null(Layout([SqlType.Int8, SqlType.Int8, SqlType.Int8, SqlType.Int8]));
        Assert.Null(Layout([SqlType.Text]));
        Assert.Null(Layout([SqlType.Inet4, SqlType.Numeric]));
    }

    [Fact]
    public void Five_tuple_groups_with_nulls_and_merged_workers_match_a_dictionary()
    {
        var random = new Random(42);
        var rows = new List<object?[]>();
        for (var i = 0; i < 20_000; i++)
        {
            rows.Add(
            [
                Maybe(random, InetValue.FromV4(0x0A000000u + (uint)random.Next(6))),
                Maybe(random, InetValue.FromV4(0xFFFFFF00u + (uint)random.Next(3))),
                Maybe(random, (short)(random.Next(2) == 0 ? -1 : 6)),
                Maybe(random, random.Next(3) == 0 ? 0 : 65535),
                Maybe(random, random.Next(2) == 0 ? -7 : int.MaxValue),
            ]);
        }
        AssertGroups(FiveTuple, rows);
    }

    [Fact]
    public void Floats_bools_and_bigints_group_by_value_with_nulls_apart_from_zero()
    {
        var types = new[] { SqlType.Float8, SqlType.Bool, SqlType.Int8 };
        var doubles = new object?[] { 0.0, -0.0, double.NaN, -double.NaN, 1.5, null, double.PositiveInfinity };
        var bools = new object?[] { true, false, null };
        var longs = new object?[] { 0L, -1L, long.MinValue, long.MaxValue, null };
        var rows = new List<object?[]>();
        for (var i = 0; i < 5000; i++)
            rows.Add([doubles[i % doubles.Length], bools[i / 7 % bools.Length], longs[i / 21 % longs.Length]]);
        AssertGroups(types, rows);
        // -0 = 0 and every NaN is one NaN: 5 distinct doubles (0, NaN, 1.5, NULL, inf) × 3 × 5.
        Assert.Equal(5 * 3 * 5, Expected(types, rows).Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void One_float_key_in_runs_groups_by_value_as_ceil_ts_does(bool dense)
    {
        // Seconds of trace in runs (the one-word run lookup), -0 beside 0, NaNs of both signs, NULLs inside a run.
        var values = new object?[] { 1.0, -0.0, 0.0, double.NaN, -double.NaN, 2.0, null };
        var rows = new List<object?[]>();
        for (var i = 0; i < 7000; i++)
            rows.Add([i % 97 == 0 ? null : values[i / 150 % values.Length]]);
        AssertGroups([SqlType.Float8], rows, dense);
        Assert.Equal(5, Expected([SqlType.Float8], rows).Count);
    }

    [Fact]
    public void Many_groups_grow_the_table_and_survive_the_merge()
    {
        var types = new[] { SqlType.Int4, SqlType.Int4 };
        var rows = new List<object?[]>();
        for (var i = 0; i < 60_000; i++)
            rows.Add([i % 30_011, i % 7 == 0 ? null : i % 3]);
        AssertGroups(types, rows);
    }

    [Fact]
    public void Small_integer_ranges_indexed_directly_agree_with_outliers_and_nulls_on_the_hash_path()
    {
        // Batches (of 1000) in a narrow range, one widening it, one with a NULL, one with a negative outlier and one
        // spanning more than the direct index holds: each batch takes the index or the hash path, all meet.
        var rows = new List<object?[]>();
        for (var i = 0; i < 12_000; i++)
        {
            object? value = (i / 1000) switch
            {
                3 => 900 + (i % 500),
                5 => i % 100 == 0 ? null : 1000 + (i % 300),
                7 => i % 2 == 0 ? -5 : 1000 + (i % 300),
                9 => i % 3 == 0 ? 1000 + DirectKeyIndex.MaxRange : 1000 + (i % 300),
                _ => 1000 + (i % 300),
            };
            rows.Add([value]);
        }
        AssertGroups([SqlType.Int4], rows);
        AssertGroups([SqlType.Int4], rows, dense: true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Direct_lookups_on_the_column_values_agree_for_small_ints_and_addresses_below_and_above_the_range(bool dense)
    {
        // Batches of 1000 read in place (no packed words when every key is known): negative int2 keys (their
        // packed word is the 16-bit two's complement), a batch below and one above the range, one with a NULL.
        var shorts = new List<object?[]>();
        var addresses = new List<object?[]>();
        for (var i = 0; i < 8000; i++)
        {
            var block = i / 1000;
            shorts.Add([block == 4 && i % 50 == 0 ? null : (short)(block switch { 2 => -3 - (i % 4), 4 => 10, 6 => 30_000, _ => i % 20 })]);
            var host = block switch { 3 => 1u, 5 => 100_000u, _ => 200u + (uint)(i % 20) };
            addresses.Add([block == 4 && i % 7 == 0 ? null : InetValue.FromV4(0x0A000000u + host)]);
        }
        AssertGroups([SqlType.Int2], shorts, dense);
        AssertGroups([SqlType.Inet4], addresses, dense);
    }

    [Fact]
    public void Resolving_column_values_in_place_finds_known_keys_reports_unseen_ones_and_refuses_keys_outside_the_range()
    {
        using var index = new DirectKeyIndex(MemoryBudget.Unlimited());
        var entries = new int[4];
        var misses = new int[4];
        int[] values = [100, 105, 110, 99, 111, -1];
        Assert.Equal(-1, index.TryResolveValues<int>(values, new Batch([SqlType.Int4]) { Count = 3 }.Rows, 0xFFFF_FFFFUL, entries, misses));
        Assert.True(index.Covers([100UL, 110UL]));
        index.Remember(105, 3);
        var dense = new Batch([SqlType.Int4]) { Count = 3 }.Rows;
        Assert.Equal(2, index.TryResolveValues<int>(values, dense, 0xFFFF_FFFFUL, entries, misses));
        Assert.Equal([-1, 3, -1], entries[..3]);
        Assert.Equal([0, 2], misses[..2]);
        index.Remember(100, 0);
        index.Remember(110, 1);
        Assert.Equal(0, index.TryResolveValues<int>(values, dense, 0xFFFF_FFFFUL, entries, misses));
        Assert.Equal([0, 3, 1], entries[..3]);
        int[] selected = [2, 0];
        Assert.Equal(0, index.TryResolveValues<int>(values, selected, 0xFFFF_FFFFUL, entries, misses));
        Assert.Equal([1, 0], entries[..2]);
        Assert.Equal(-1, index.TryResolveValues<int>(values, [1, 3], 0xFFFF_FFFFUL, entries, misses)); // 99: below
        Assert.Equal(-1, index.TryResolveValues<int>(values, [4], 0xFFFF_FFFFUL, entries, misses)); // 111: above
        Assert.Equal(-1, index.TryResolveValues<int>(values, [5], 0xFFFF_FFFFUL, entries, misses)); // -1: far above as a word
        Assert.Throws<ArgumentException>(() => index.TryResolveValues<int>(values, [0, 1], 0xFFFF_FFFFUL, entries, misses.AsSpan(0, 1)));
    }

    [Fact]
    public void The_direct_index_keeps_its_entries_when_its_range_widens()
    {
        using var index = new DirectKeyIndex(MemoryBudget.Unlimited());
        Assert.True(index.Covers([100UL, 110UL]));
        index.Remember(100, 7);
        Assert.True(index.Covers([50UL, 200UL]));
        var entries = new int[3];
        var misses = new int[3];
        Assert.Equal(2, index.Resolve([50UL, 100UL, 200UL], entries, misses));
        Assert.Equal([-1, 7, -1], entries);
        Assert.Equal([0, 2], misses[..2]);
        Assert.False(index.Covers([50UL, 50UL + DirectKeyIndex.MaxRange]));
        Assert.True(index.Covers([100UL]));
    }

    [Fact]
    public void Resolving_without_a_coverage_pass_refuses_keys_outside_the_range_and_leaves_it_unchanged()
    {
        using var index = new DirectKeyIndex(MemoryBudget.Unlimited());
        var entries = new int[3];
        var misses = new int[3];
        Assert.Equal(-1, index.TryResolve([5UL], entries, misses)); // nothing indexed yet
        Assert.True(index.Covers([100UL, 110UL]));
        index.Remember(105, 3);
        Assert.Equal(2, index.TryResolve([100UL, 105UL, 110UL], entries, misses));
        Assert.Equal([-1, 3, -1], entries);
        Assert.Equal([0, 2], misses[..2]);
        Assert.Equal(-1, index.TryResolve([105UL, 111UL], entries, misses));
        Assert.Equal(-1, index.TryResolve([99UL], entries, misses));
        Assert.Throws<ArgumentException>(() => index.Resolve([99UL], entries, misses));
        Assert.Equal(0, index.TryResolve([105UL], entries, misses));
        Assert.Equal(3, entries[0]);
    }

    [Fact]
    public void Only_a_batchs_own_rows_count_as_identity()
    {
        var batch = new Batch([SqlType.Int4]) { Count = 4 };
        Assert.True(Batch.IsIdentity(batch.Rows));
        int[] reversed = [3, 2, 1, 0];
        int[] ordered = [0, 1, 2, 3];
        Assert.False(Batch.IsIdentity(ordered)); // equal values, but not the batch's rows: a selection
        batch.SetSelection(reversed, 4);
        Assert.False(Batch.IsIdentity(batch.Rows));
    }

    [Fact]
    public void Constant_key_columns_pack_like_flat_ones()
    {
        var types = new[] { SqlType.Inet4, SqlType.Int4 };
        var memory = MemoryBudget.Unlimited();
        using var table = new GroupTable(types, [AggregateCall.CountStar()], memory);
        var flat = new Vector(SqlType.Inet4);
        var port = new Vector(SqlType.Int4);
        var rows = Enumerable.Range(0, 100).ToArray();
        for (var i = 0; i < 100; i++)
        {
            flat.Data<uint>()[i] = 0x0A000001u + (uint)(i % 2);
            port.Data<int>()[i] = 80;
        }
        table.Add(rows, [flat, port], [null]);
        table.Add(rows, [flat, VectorValues.Constant(SqlType.Int4, 80)], [null]);
        table.Add(rows, [flat, VectorValues.Constant(SqlType.Int4, null)], [null]);
        var counts = Groups(table, types);
        // Each address with port 80 from the flat and the constant batch, and with a NULL port.
        Assert.Equal([50L, 50L, 100L, 100L], counts.Values.Order());
        Assert.Equal(2, counts.Keys.Count(k => k.EndsWith("|NULL", StringComparison.Ordinal)));
    }

    private static PackedKeyLayout? Layout(SqlType[] types) => PackedKeyLayout.TryCreate(types.Select(PhysicalTypes.Of).ToArray());

    private static object? Maybe(Random random, object value) => random.Next(10) == 0 ? null : value;

    /// <summary>Feeds the rows in batches of 1000 alternately to two tables, merges them and compares counts.</summary>
    /// <param name="dense">Batches without a selection (as a scan hands them over); otherwise every other row is live.</param>
    private static void AssertGroups(SqlType[] types, List<object?[]> rows, bool dense = false)
    {
        var memory = MemoryBudget.Unlimited();
        using var first = new GroupTable(types, [AggregateCall.CountStar()], memory);
        using var second = new GroupTable(types, [AggregateCall.CountStar()], memory);
        for (var start = 0; start < rows.Count; start += 1000)
        {
            var n = Math.Min(1000, rows.Count - start);
            if (dense)
            {
                var batch = new Batch(types) { Count = n };
                for (var k = 0; k < n; k++)
                {
                    for (var c = 0; c < types.Length; c++)
                        VectorValues.Set(batch[c], k, rows[start + k][c]);
                }
                var columnsOfBatch = Enumerable.Range(0, types.Length).Select(c => batch[c]).ToArray();
                (start / 1000 % 2 == 0 ? first : second).Add(batch.Rows, columnsOfBatch, [null]);
                continue;
            }
            var columns = types.Select(t => new Vector(t)).ToArray();
            // Live rows are every other physical row, as after a filter.
            var live = Enumerable.Range(0, n).Select(k => 2 * k).ToArray();
            for (var k = 0; k < n; k++)
            {
                for (var c = 0; c < types.Length; c++)
                {
                    VectorValues.Set(columns[c], live[k], rows[start + k][c]);
                    VectorValues.Set(columns[c], live[k] + 1, rows[(start + k + 1) % rows.Count][c]);
                }
            }
            (start / 1000 % 2 == 0 ? first : second).Add(live, columns, [null]);
        }
        first.Merge(second);
        var expected = Expected(types, rows);
        var actual = Groups(first, types);
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), actual.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    private static Dictionary<string, long> Expected(SqlType[] types, List<object?[]> rows)
    {
        var result = new Dictionary<string, long>();
        foreach (var row in rows)
        {
            var columns = types.Select(t => new Vector(t, 1)).ToArray();
            for (var c = 0; c < types.Length; c++)
                VectorValues.Set(columns[c], 0, row[c]);
            var key = KeyText(columns, 0);
            result[key] = result.GetValueOrDefault(key) + 1;
        }
        return result;
    }

    private static Dictionary<string, long> Groups(GroupTable table, SqlType[] types)
    {
        var ids = Enumerable.Range(0, table.Count).ToArray();
        var keys = types.Select(t => new Vector(t, Math.Max(1, table.Count))).ToArray();
        for (var c = 0; c < types.Length; c++)
            table.KeyValues.Gather(c, ids, keys[c], 0);
        var counts = new Vector(SqlType.Int8, Math.Max(1, table.Count));
        table.Accumulators[0].Finish(0, table.Count, counts);
        var result = new Dictionary<string, long>();
        for (var g = 0; g < table.Count; g++)
            result.Add(KeyText(keys, g), counts.Data<long>()[g]);
        return result;
    }

    /// <summary>The key's values as text; doubles by value, so -0 is 0 and every NaN is "NaN", as SQL groups them.</summary>
    private static string KeyText(Vector[] columns, int row) =>
        string.Join("|", columns.Select(v => VectorValues.Get(v, row) switch
        {
            null => "NULL",
            double d => (d == 0 ? 0.0 : d).ToString(System.Globalization.CultureInfo.InvariantCulture),
            var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        }));
}
