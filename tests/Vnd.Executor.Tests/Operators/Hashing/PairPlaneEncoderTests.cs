using Vnd.Executor.Execution;
using Vnd.Executor.Operators.Aggregates;
using Vnd.Executor.Operators.Hashing;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators.Hashing;

/// <summary>
/// The planar packer of narrow two-word keys (<see cref="PairPlaneEncoder"/>): it must write exactly the words
/// <see cref="PackedKeyEncoder"/> writes for the narrow layout — in the vector body, in the scalar tail, through a
/// selection, for constants — and refuse a batch exactly when <see cref="PackedKeyEncoder.TryEncodeWords"/> does, wherever
/// in the batch the NULL or the out-of-range value sits; a group table fed whole scan batches (no selection, the
/// vector path) that turn wide mid-stream keeps every group.
/// </summary>
public sealed class PairPlaneEncoderTests
{
    private static readonly SqlType[] FiveTuple = [SqlType.Inet4, SqlType.Inet4, SqlType.Int2, SqlType.Int4, SqlType.Int4];

    public static TheoryData<int> Lengths => [1, 7, 8, 15, 16, 17, 1000, Batch.Capacity];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Planes_hold_the_narrow_words_of_every_key(int n)
    {
        var random = new Random(n);
        var batch = MakeBatch(n, k => Row(random, k));
        var layout = Narrow(FiveTuple);
        var planes = new PairPlaneEncoder(layout);
        var words = new PackedKeyEncoder(layout);
        Assert.True(planes.TryEncode(Columns(batch), batch.Rows));
        Assert.True(words.TryEncodeWords(Columns(batch), batch.Rows));
        AssertSameKeys(planes, words, n);
        // Through a selection: every third row.
        var rows = Enumerable.Range(0, n).Where(k => k % 3 == 1).ToArray();
        Assert.True(planes.TryEncode(Columns(batch), rows));
        Assert.True(words.TryEncodeWords(Columns(batch), rows));
        AssertSameKeys(planes, words, rows.Length);
    }

    [Fact]
    public void Constant_columns_pack_as_their_value_in_every_key()
    {
        var random = new Random(3);
        var batch = MakeBatch(40, k => Row(random, k));
        Vector[] columns = [.. Columns(batch)[..2], VectorValues.Constant(SqlType.Int2, (short)-7), VectorValues.Constant(SqlType.Int4, 65535), Columns(batch)[4]];
        var layout = Narrow(FiveTuple);
        var planes = new PairPlaneEncoder(layout);
        var words = new PackedKeyEncoder(layout);
        Assert.True(planes.TryEncode(columns, batch.Rows));
        Assert.True(words.TryEncodeWords(columns, batch.Rows));
        AssertSameKeys(planes, words, 40);
    }

    [Theory]
    [InlineData(65536, 0)]
    [InlineData(65536, 9)]
    [InlineData(-1, 2047)]
    [InlineData(int.MinValue, 1000)]
    [InlineData(int.MaxValue, 3)]
    [InlineData(1 << 16 | 5, 2040)]
    public void A_port_that_does_not_fit_is_refused_wherever_it_sits(int port, int at)
    {
        var random = new Random(at);
        var batch = MakeBatch(Batch.Capacity, k => Row(random, k));
        batch[4].Data<int>()[at] = port;
        var planes = new PairPlaneEncoder(Narrow(FiveTuple));
        Assert.False(planes.TryEncode(Columns(batch), batch.Rows));
        var without = Enumerable.Range(0, Batch.Capacity).Where(k => k != at).ToArray();
        Assert.True(planes.TryEncode(Columns(batch), without));
        Assert.False(planes.TryEncode(Columns(batch), [at]));
        Assert.False(planes.TryEncode([.. Columns(batch)[..3], VectorValues.Constant(SqlType.Int4, port), Columns(batch)[4]], without));
    }

    [Fact]
    public void A_null_is_refused()
    {
        var random = new Random(8);
        var batch = MakeBatch(64, k => Row(random, k));
        var planes = new PairPlaneEncoder(Narrow(FiveTuple));
        batch[2].Validity.SetNull(63);
        Assert.False(planes.TryEncode(Columns(batch), batch.Rows));
        Assert.False(planes.TryEncode([.. Columns(batch)[..4], VectorValues.Constant(SqlType.Int4, null)], [0, 1]));
    }

    [Fact]
    public void Only_narrow_pair_layouts_are_accepted()
    {
        Assert.Throws<ArgumentException>(() => new PairPlaneEncoder(PackedKeyLayout.TryCreate([PhysicalType.Inet4, PhysicalType.Inet4, PhysicalType.Int32])!));
        Assert.Throws<ArgumentException>(() => new PairPlaneEncoder(Narrow([SqlType.Int4, SqlType.Int4])));
    }

    [Fact]
    public void Distinct_over_whole_batches_that_turn_wide_keeps_every_group_in_order()
    {
        // Whole batches (no selection): a port of 70000 in the middle of the fourth, a NULL at the end of the sixth,
        // a negative port in the tail of the seventh, then narrow values again.
        var random = new Random(23);
        var batches = new List<Batch>();
        var order = new List<string>();
        for (var b = 0; b < 9; b++)
        {
            var n = b == 6 ? 2045 : Batch.Capacity;
            var rows = new List<object?[]>();
            for (var k = 0; k < n; k++)
            {
                var row = Small(random);
                if (b == 3 && k == 1001)
                    row[3] = 70000;
                if (b == 5 && k == n - 1)
                    row[4] = null;
                if (b == 6 && k == n - 2)
                    row[3] = -3;
                rows.Add(row);
                var key = Plans.Key(row);
                if (!order.Contains(key))
                    order.Add(key);
            }
            batches.Add(MakeBatch(n, k => rows[k]));
        }
        using var table = new GroupTable(FiveTuple, [], MemoryBudget.Unlimited());
        foreach (var batch in batches)
            table.Add(batch.Rows, Columns(batch), []);
        var ids = Enumerable.Range(0, table.Count).ToArray();
        var keys = FiveTuple.Select(t => new Vector(t, Math.Max(1, table.Count))).ToArray();
        for (var c = 0; c < FiveTuple.Length; c++)
            table.KeyValues.Gather(c, ids, keys[c], 0);
        Assert.Equal(order, ids.Select(g => Plans.Key(keys.Select(v => VectorValues.Get(v, g)).ToArray())));
        Assert.Contains(order, k => k.Contains("|70000|", StringComparison.Ordinal));
        Assert.Contains(order, k => k.Contains("|-3|", StringComparison.Ordinal));
        Assert.Contains(order, k => k.Contains('∅', StringComparison.Ordinal));
    }

    private static void AssertSameKeys(PairPlaneEncoder planes, PackedKeyEncoder words, int n)
    {
        var packed = words.Keys(n);
        for (var k = 0; k < n; k++)
        {
            Assert.Equal(packed[2 * k], planes.Planes[k]);
            Assert.Equal(packed[(2 * k) + 1], planes.Planes[PairPlaneEncoder.Plane + k]);
        }
    }

    /// <summary>Values at the edges of every narrow field: all-ones addresses, negative and extreme int2, ports 0 and 65535.</summary>
    private static object?[] Row(Random random, int k) =>
    [
        InetValue.FromV4(k % 5 == 0 ? uint.MaxValue : (uint)random.NextInt64(0, 1L << 32)),
        InetValue.FromV4((uint)random.NextInt64(0, 1L << 32)),
        (short)(k % 7 == 0 ? short.MinValue : k % 11 == 0 ? -1 : random.Next(short.MinValue, short.MaxValue + 1)),
        k % 3 == 0 ? 65535 : random.Next(65536),
        k % 4 == 0 ? 0 : random.Next(65536),
    ];

    /// <summary>A 5-tuple over few values, so batches repeat groups.</summary>
    private static object?[] Small(Random random) =>
    [
        InetValue.FromV4(0x0A000000u + (uint)random.Next(3)), InetValue.FromV4(0xC0A80000u + (uint)random.Next(3)),
        (short)(random.Next(2) == 0 ? 6 : 17), random.Next(4) * 1000, 65535 - random.Next(3),
    ];

    /// <summary>A batch of n rows and no selection, row k from <paramref name="row"/>.</summary>
    private static Batch MakeBatch(int n, Func<int, object?[]> row)
    {
        var batch = new Batch(FiveTuple);
        for (var k = 0; k < n; k++)
        {
            var values = row(k);
            for (var c = 0; c < FiveTuple.Length; c++)
                VectorValues.Set(batch[c], k, values[c]);
        }
        batch.Count = n;
        return batch;
    }

    private static Vector[] Columns(Batch batch) => [.. Enumerable.Range(0, FiveTuple.Length).Select(c => batch[c])];

    private static PackedKeyLayout Narrow(SqlType[] types) =>
        PackedKeyLayout.TryCreateNarrow(PackedKeyLayout.TryCreate(types.Select(PhysicalTypes.Of).ToArray())!)!;
}
