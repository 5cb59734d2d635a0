using System.Diagnostics;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;
using Vnd.Planner.Types;
using Xunit.Abstractions;

namespace Vnd.Executor.Tests.Storage;

/// <summary>
/// The importer appends tens of millions of values per second; a single allocation per value would
/// dominate. These tests count bytes allocated on the test thread.
/// </summary>
public sealed class AllocationTests(ITestOutputHelper output) : IDisposable
{
    private const int Values = 10_000_000;
    private readonly TempDataDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Appending_ten_million_values_to_reused_builders_allocates_nothing_per_value()
    {
        const int capacity = 64 * 1024;
        var int64 = new Int64ColumnBuilder(capacity);
        var inet4 = new Inet4ColumnBuilder(capacity);
        var ts = new TimestampColumnBuilder(SqlType.TimestampTzNanos, capacity);
        Fill(int64, inet4, ts, capacity); // warm up (JIT) outside the measurement

        var before = GC.GetAllocatedBytesForCurrentThread();
        Fill(int64, inet4, ts, Values);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < Values / 100, $"{allocated} bytes allocated for {Values} rows");
    }

    [Fact]
    public void Writing_rows_end_to_end_allocates_well_below_a_byte_per_row()
    {
        const int rows = 4_000_000;
        var schema = new TableSchema(
        [
            new ColumnSchema("id", SqlType.Int8),
            new ColumnSchema("ts", SqlType.TimestampTzNanos),
            new ColumnSchema("src", SqlType.Inet4),
            new ColumnSchema("dst", SqlType.Inet4),
            new ColumnSchema("len", SqlType.Int4),
            new ColumnSchema("proto", SqlType.Int2),
        ]);
        var store = new TraceTableStore(_dir.Path);
        var watch = Stopwatch.StartNew();
        long allocated;
        using (var writer = store.CreateWriter(new TableRef("s", "t"), schema))
        {
            var id = writer.GetBuilder<Int64ColumnBuilder>(0);
            var time = writer.GetBuilder<TimestampColumnBuilder>(1);
            var src = writer.GetBuilder<Inet4ColumnBuilder>(2);
            var dst = writer.GetBuilder<Inet4ColumnBuilder>(3);
            var len = writer.GetBuilder<Int32ColumnBuilder>(4);
            var proto = writer.GetBuilder<Int16ColumnBuilder>(5);
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < rows; i++)
            {
                id.Append(i);
                time.Append(1_700_000_000_000_000_000L + i);
                src.Append((uint)i);
                dst.Append((uint)~i);
                len.Append(i & 1023);
                if ((i & 15) == 0)
                    proto.AppendNull();
                else
                    proto.Append(6);
                writer.EndRow();
            }
            writer.Commit();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        watch.Stop();
        output.WriteLine($"{rows / watch.Elapsed.TotalSeconds / 1e6:F1} M rows/s (6 columns, Debug build, incl. fsync), {allocated} bytes allocated");

        Assert.True(allocated < rows / 4, $"{allocated} bytes allocated for {rows} rows");
        Assert.Equal(rows, store.RowCount(new TableRef("s", "t")));
    }

    private static void Fill(Int64ColumnBuilder int64, Inet4ColumnBuilder inet4, TimestampColumnBuilder ts, int values)
    {
        for (var i = 0; i < values; i++)
        {
            if (int64.Count == int64.Capacity)
            {
                int64.Reset();
                inet4.Reset();
                ts.Reset();
            }
            int64.Append(i);
            inet4.Append((uint)i);
            ts.Append(1_700_000_000_000_000_000L + i);
        }
    }
}
