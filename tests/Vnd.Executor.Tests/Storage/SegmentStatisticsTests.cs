using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;
using Vnd.Executor.Storage.Manifest;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Storage;

/// <summary>Edge cases of segment statistics the sample table does not reach.</summary>
public sealed class SegmentStatisticsTests : IDisposable
{
    private readonly TempDataDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private IReadOnlyList<ColumnStatistics> WriteOneSegment(TableSchema schema, Action<TraceTableWriter> rows)
    {
        var store = new TraceTableStore(_dir.Path);
        var table = new TableRef("s", "t");
        using (var writer = store.CreateWriter(table, schema, new TraceTableWriterOptions { RowsPerBatch = 3 }))
            rows(writer);
        return Assert.Single(store.OpenTable(table).Segments).Columns;
    }

    [Fact]
    public void NaN_is_ignored_and_an_all_null_column_has_no_bounds()
    {
        var stats = WriteOneSegment(
            new TableSchema([new ColumnSchema("x", SqlType.Float8), new ColumnSchema("n", SqlType.Int4)]),
            writer =>
            {
                foreach (var v in new[] { double.NaN, 2.5, -1.0, double.NaN, 7.0 })
                {
                    writer.GetBuilder<Float64ColumnBuilder>(0).Append(v);
                    writer.Columns[1].AppendNull();
                    writer.EndRow();
                }
            });
        Assert.Equal((-1.0, 7.0), (stats[0].MinReal, stats[0].MaxReal));
        Assert.Equal(0, stats[0].NullCount);
        Assert.Equal(5, stats[1].NullCount);
        Assert.Null(stats[1].MinInteger);
        Assert.Null(stats[1].MaxInteger);
    }

    [Fact]
    public void Address_bounds_order_mapped_IPv4_before_IPv6_and_inet4_by_number()
    {
        var stats = WriteOneSegment(
            new TableSchema([new ColumnSchema("a", SqlType.Inet), new ColumnSchema("a4", SqlType.Inet4), new ColumnSchema("ok", SqlType.Bool)]),
            writer =>
            {
                var rows = new (byte[] Address, uint V4, bool Ok)[]
                {
                    ([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 0xC0A80001, true),
                    ([10, 0, 0, 9], 0x0A000009, true),
                    ([192, 168, 0, 1], 0xFFFFFFFF, true),
                    ([10, 0, 0, 1], 0x01020304, true),
                };
                foreach (var (address, v4, ok) in rows)
                {
                    writer.GetBuilder<InetColumnBuilder>(0).Append(address);
                    writer.GetBuilder<Inet4ColumnBuilder>(1).Append(v4);
                    writer.GetBuilder<BoolColumnBuilder>(2).Append(ok);
                    writer.EndRow();
                }
            });
        Assert.Equal("00000000000000000000FFFF0A000001", Convert.ToHexString(stats[0].MinBytes!));
        Assert.Equal("20010DB8000000000000000000000001", Convert.ToHexString(stats[0].MaxBytes!));
        Assert.Equal((0x01020304L, 0xFFFFFFFFL), (stats[1].MinInteger, stats[1].MaxInteger));
        Assert.Equal((1L, 1L), (stats[2].MinInteger, stats[2].MaxInteger));
        Assert.Equal(4 * 16, stats[0].ByteSize); // no nulls, so no validity bitmap: values only
    }
}
