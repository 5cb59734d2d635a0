using Apache.Arrow.Types;
using Vnd.Executor.Execution;
using Vnd.Executor.Scans;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Expr = Vnd.Executor.Expressions.Expr;

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
        var times = new List<long?>();
        var addresses = new List<uint?>();
        for (var row = 0; row < 12_000; row++)
        {
            var batch = row / 1_000;
            // Batch 5 goes back in time before the segment it lands in; batch 8 jumps forward by 10 s (past 2^32 ns).
            times.Add(1_700_000_000_000_000_000L + (row * 1_000L) - (batch == 5 ? 50_000_000L : 0) + (batch >= 8 ? 10_000_000_000L : 0));
            addresses.Add(row % 17 == 4 ? null : batch == 6 ? 0x0B000000u + (uint)row : 0x0A010000u + (uint)(row % 300));
        }
        var table = Write(SqlType.TimestampTzNanos, new TraceTableWriterOptions { RowsPerBatch = 1_000, RowsPerSegment = 4_000 }, times, addresses);
        Assert.True(table.Segments.Count > 3, "the batches outside their segment's offsets cut segments");
        AssertReadsBack(table, times, addresses);
        // A stored segment has offsets: its first segment's times from 1.7e18 ns, its addresses from 10.1.0.0.
        using var segment = new TraceTableReader(table).OpenSegment(table.Segments[0]);
        using var first = segment.ReadNext()!;
        Assert.Equal((ArrowTypeId.UInt32, ArrowTypeId.UInt16), (first.Schema.GetFieldByIndex(0).DataType.TypeId, first.Schema.GetFieldByIndex(1).DataType.TypeId));
        Assert.Equal(0x0A010000L, StoredIntegerType.Base(first.Schema.GetFieldByIndex(1)));
    }

    /// <summary>
    /// Random time (µs or ns, a walk with jumps back and forward past 2^32 ticks) and addresses (one /16, a /24, or
    /// anywhere, near the top of the range too) with NULLs, in random batch and segment sizes: every value reads back
    /// through the scan, and scan comparisons on the stored offsets count the rows a plain comparison counts.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Random_columns_read_back_and_compare_like_their_values(int seed)
    {
        var random = new Random(seed);
        var nanos = random.Next(2) == 0;
        var rows = random.Next(20_000, 60_000);
        var options = new TraceTableWriterOptions { RowsPerBatch = random.Next(100, 3_000), RowsPerSegment = random.Next(1_000, 8_000) };
        var times = new long?[rows];
        var addresses = new uint?[rows];
        var time = 1_600_000_000_000_000L * (nanos ? 1000 : 1);
        uint prefix = random.Next(3) switch { 0 => 0x0A010000u, 1 => 0xC0A80000u, _ => 0xFFFF0000u };
        for (var row = 0; row < rows; row++)
        {
            time += random.Next(40_000) switch
            {
                0 => -random.NextInt64(1, 10_000_000_000),
                1 => random.NextInt64(1, 10_000_000_000),
                2 => -random.Next(1, 100_000),
                _ => random.Next(0, 500),
            };
            times[row] = random.Next(50) == 0 ? null : time;
            addresses[row] = random.Next(30) == 0 ? null : random.Next(40_000) switch
            {
                0 => (uint)random.NextInt64(0, 1L << 32),
                < 20_000 => prefix | (uint)random.Next(0, 256),
                _ => prefix + (uint)random.Next(0, 1 << 15),
            };
        }
        var table = Write(nanos ? SqlType.TimestampTzNanos : SqlType.TimestampTz, options, times, addresses);
        // Segments store offsets; the rare jumps and stray addresses may cut some short or make them store values.
        var stored = Stored(table);
        Assert.Contains(stored, s => s.Time == ArrowTypeId.UInt32 || s.Time == ArrowTypeId.UInt16);
        Assert.Contains(stored, s => s.Address is ArrowTypeId.UInt16 or ArrowTypeId.UInt8);
        AssertReadsBack(table, times, addresses);

        for (var k = 0; k < 8; k++)
        {
            var at = random.Next(rows);
            var timeConstant = (times[at] ?? time) + random.Next(-2, 3);
            var addressConstant = k == 0 ? 0u : k == 1 ? uint.MaxValue : (addresses[at] ?? prefix) + (uint)random.Next(0, 2);
            Assert.Equal(times.Count(t => t < timeConstant), Count(table, new ScanComparison<long, ScanLess<long>>(0, timeConstant, Expr.Constant(timeConstant, SqlType.Int8))));
            Assert.Equal(times.Count(t => t >= timeConstant), Count(table, new ScanComparison<long, ScanGreaterOrEqual<long>>(0, timeConstant, Expr.Constant(timeConstant, SqlType.Int8))));
            Assert.Equal(addresses.Count(a => a == addressConstant), Count(table, new ScanComparison<uint, ScanEqual<uint>>(1, addressConstant, Expr.Constant(0, SqlType.Int4))));
            Assert.Equal(addresses.Count(a => a > addressConstant), Count(table, new ScanComparison<uint, ScanGreater<uint>>(1, addressConstant, Expr.Constant(0, SqlType.Int4))));
        }
    }

    /// <summary>The rows as a table of a timestamp column of <paramref name="timeType"/> and an inet4 column.</summary>
    private TraceTable Write(SqlType timeType, TraceTableWriterOptions options, IReadOnlyList<long?> times, IReadOnlyList<uint?> addresses)
    {
        var store = new TraceTableStore(_dir.Path);
        var schema = new TableSchema([new ColumnSchema("ts", timeType), new ColumnSchema("addr", SqlType.Inet4)]);
        using (var writer = store.CreateWriter(Table, schema, options))
        {
            for (var row = 0; row < times.Count; row++)
            {
                if (times[row] is { } t)
                    writer.GetBuilder<TimestampColumnBuilder>(0).Append(t);
                else
                    writer.Columns[0].AppendNull();
                if (addresses[row] is { } a)
                    writer.GetBuilder<Inet4ColumnBuilder>(1).Append(a);
                else
                    writer.Columns[1].AppendNull();
                writer.EndRow();
            }
            writer.Commit();
        }
        var table = store.OpenTable(Table);
        Assert.Equal(times.Count, table.RowCount);
        return table;
    }

    /// <summary>Every value and NULL of both columns reads back through the scan, in order.</summary>
    private static void AssertReadsBack(TraceTable table, IReadOnlyList<long?> times, IReadOnlyList<uint?> addresses)
    {
        using var context = new QueryContext();
        using var reader = new TraceTableBatchSource(table).Open([0, 1], 0, 1, context);
        var row = 0;
        while (reader.Next() is { } batch)
        {
            foreach (var r in batch.Rows)
            {
                Assert.Equal(times[row], batch[0].IsNull(r) ? null : batch[0].Get<long>(r));
                Assert.Equal(addresses[row], batch[1].IsNull(r) ? null : batch[1].Get<uint>(r));
                row++;
            }
        }
        Assert.Equal(times.Count, row);
    }

    private static List<(ArrowTypeId Time, ArrowTypeId Address)> Stored(TraceTable table)
    {
        var reader = new TraceTableReader(table);
        var stored = new List<(ArrowTypeId, ArrowTypeId)>();
        foreach (var segment in table.Segments)
        {
            using var segmentReader = reader.OpenSegment(segment);
            using var first = segmentReader.ReadNext()!;
            stored.Add((first.Schema.GetFieldByIndex(0).DataType.TypeId, first.Schema.GetFieldByIndex(1).DataType.TypeId));
        }
        return stored;
    }

    /// <summary>Rows of every segment that pass <paramref name="term"/>, tested on the stored arrays as a scan does.</summary>
    private static int Count(TraceTable table, ScanComparison term)
    {
        var predicate = new ScanPredicate([term]);
        var bases = new StoredBases();
        var selection = new int[Batch.Capacity];
        var passed = 0;
        var reader = new TraceTableReader(table);
        foreach (var segment in table.Segments)
        {
            using var segmentReader = reader.OpenSegment(segment);
            while (segmentReader.ReadNext() is { } record)
            {
                using (record)
                {
                    for (var start = 0; start < record.Length; start += Batch.Capacity)
                        passed += predicate.Select(record, bases.Of(record), [0, 1], start, Math.Min(Batch.Capacity, record.Length - start), selection);
                }
            }
        }
        return passed;
    }
}
