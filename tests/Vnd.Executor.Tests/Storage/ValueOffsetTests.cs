using Apache.Arrow.Types;
using Vnd.Executor.Execution;
using Vnd.Executor.Scans;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Storage;

/// <summary>
/// Timestamps and IPv4 addresses stored as offsets from a per-segment base (<see cref="StoredIntegerType"/>): which
/// stored type a range gets, that a batch outside a segment's offsets starts the next segment, and that every value —
/// before 1970, at the ends of the ranges, across cut segments, NULL — reads back exactly through the scan.
/// </summary>
public sealed class ValueOffsetTests : IDisposable
{
    private static readonly TableRef Table = new("s", "offsets");
    private readonly TempDataDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, long, long, ArrowTypeId, long> Choices() => new()
    {
        // Time counts from the segment's first tick: the span decides the width.
        { "timestamptz", 1_700_000_000_000_000, 1_700_000_000_000_255, ArrowTypeId.UInt8, 1_700_000_000_000_000 },
        { "timestamptz", 1_700_000_000_000_000, 1_700_000_000_065_535, ArrowTypeId.UInt16, 1_700_000_000_000_000 },
        { "timestamptz", 1_700_000_000_000_000, 1_700_000_004_294_967, ArrowTypeId.UInt32, 1_700_000_000_000_000 },
        { "timestamptz", 1_700_000_000_000_000, 1_700_004_294_967_296, ArrowTypeId.Timestamp, 0 },
        { "timestamp", -5_000_000, -4_000_000, ArrowTypeId.UInt32, -5_000_000 },
        { "timestamptz", long.MinValue, long.MaxValue, ArrowTypeId.Timestamp, 0 },
        // Addresses keep the high bytes they share with room for the range to double: 10.0.1.0-10.0.1.100 in a
        // byte from 10.0.1.0; 10.0.0.1-10.0.1.4 in two from 10.0.0.0; a range that would cross its /16 as it is.
        { "inet4", 0x0A000100, 0x0A000164, ArrowTypeId.UInt8, 0x0A000100 },
        { "inet4", 0x0A000001, 0x0A000104, ArrowTypeId.UInt16, 0x0A000000 },
        { "inet4", 0x0A00F000, 0x0A00FF00, ArrowTypeId.UInt32, 0 },
        { "inet4", 0xC0A80000, 0xC0A8FFFF, ArrowTypeId.UInt32, 0 },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void A_range_gets_the_narrowest_offsets_that_hold_it(string type, long min, long max, ArrowTypeId stored, long @base)
    {
        var logical = ArrowTypeMapping.FromStorageName(type, null, null, "c");
        var choice = StoredIntegerType.Choose(logical, any: true, min, max, offsets: true);
        Assert.Equal((stored, @base), (choice.Type.TypeId, choice.Base));
        Assert.True(StoredIntegerType.Fits(choice.Type, choice.Base, min, max));
        // Without offsets a timestamp or an address is stored as its own Arrow type.
        Assert.Equal((ArrowTypeMapping.ToArrowType(logical).TypeId, 0L),
            (StoredIntegerType.Choose(logical, any: true, min, max, offsets: false).Type.TypeId, StoredIntegerType.Choose(logical, true, min, max, false).Base));
    }

    [Fact]
    public void Values_outside_the_offsets_do_not_fit()
    {
        Assert.False(StoredIntegerType.Fits(UInt16Type.Default, 1000, 999, 1000));
        Assert.False(StoredIntegerType.Fits(UInt16Type.Default, 1000, 1000, 1000 + 65_536));
        Assert.True(StoredIntegerType.Fits(UInt16Type.Default, 1000, 1000, 1000 + 65_535));
        Assert.False(StoredIntegerType.Fits(UInt32Type.Default, long.MinValue, long.MinValue, long.MaxValue));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Subtracting_a_base_wraps_in_the_stored_width(int width)
    {
        var values = new byte[width * 37];
        for (var i = 0; i < 37; i++)
            values[i * width] = (byte)(i + 3);
        IntegerNarrowing.Subtract(values, width, 5);
        for (var i = 0; i < 37; i++)
        {
            var expected = unchecked((ulong)(i + 3 - 5)) & (width == 8 ? ulong.MaxValue : (1UL << (width * 8)) - 1);
            ulong actual = 0;
            for (var b = width - 1; b >= 0; b--)
                actual = (actual << 8) | values[(i * width) + b];
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>
    /// Time that jumps back before a segment's base, and forward past its offsets, and addresses that leave their
    /// /16: each such batch starts a segment, and every value and NULL reads back through the scan (copy and gather).
    /// </summary>
    [Fact]
    public void Batches_outside_a_segments_offsets_start_the_next_and_every_value_reads_back()
    {
        var schema = new TableSchema([new ColumnSchema("ts", SqlType.TimestampTzNanos), new ColumnSchema("addr", SqlType.Inet4)]);
        var times = new List<long>();
        var addresses = new List<uint?>();
        var store = new TraceTableStore(_dir.Path);
        using (var writer = store.CreateWriter(Table, schema, new TraceTableWriterOptions { RowsPerBatch = 1_000, RowsPerSegment = 4_000 }))
        {
            for (var row = 0; row < 12_000; row++)
            {
                var batch = row / 1_000;
                // Batch 5 goes back in time before the segment it lands in; batch 8 jumps forward by 10 s (past 2^32 ns).
                var time = 1_700_000_000_000_000_000L + (row * 1_000L) - (batch == 5 ? 50_000_000L : 0) + (batch >= 8 ? 10_000_000_000L : 0);
                uint? address = row % 17 == 4 ? null : batch == 6 ? 0x0B000000u + (uint)row : 0x0A010000u + (uint)(row % 300);
                times.Add(time);
                addresses.Add(address);
                writer.GetBuilder<TimestampColumnBuilder>(0).Append(time);
                if (address is { } a)
                    writer.GetBuilder<Inet4ColumnBuilder>(1).Append(a);
                else
                    writer.Columns[1].AppendNull();
                writer.EndRow();
            }
            writer.Commit();
        }

        var table = store.OpenTable(Table);
        Assert.True(table.Segments.Count > 3, "the batches outside their segment's offsets cut segments");
        Assert.Equal(12_000, table.RowCount);
        var source = new TraceTableBatchSource(table);
        using var context = new QueryContext();
        using var reader = source.Open([0, 1], 0, 1, context);
        var row2 = 0;
        while (reader.Next() is { } batch)
        {
            foreach (var r in batch.Rows)
            {
                Assert.Equal(times[row2], batch[0].Get<long>(r));
                if (addresses[row2] is { } a)
                    Assert.Equal(a, batch[1].Get<uint>(r));
                else
                    Assert.True(batch[1].IsNull(r));
                row2++;
            }
        }
        Assert.Equal(12_000, row2);
        // A stored segment has offsets: its first segment's times from 1.7e18 ns, its addresses from 10.1.0.0.
        using var segment = new TraceTableReader(table).OpenSegment(table.Segments[0]);
        using var first = segment.ReadNext()!;
        Assert.Equal((ArrowTypeId.UInt32, ArrowTypeId.UInt16), (first.Schema.GetFieldByIndex(0).DataType.TypeId, first.Schema.GetFieldByIndex(1).DataType.TypeId));
        Assert.Equal(0x0A010000L, StoredIntegerType.Base(first.Schema.GetFieldByIndex(1)));
    }
}
