using Apache.Arrow;
using Apache.Arrow.Arrays;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;
using SqlType = Vnd.Planner.Types.SqlType;

namespace Vnd.Executor.Tests.Storage;

/// <summary>
/// Segments must be ordinary Arrow IPC files: read here with nothing but Apache.Arrow's own reader (no
/// VND code on the read path), checking physical types, the metadata that carries the logical type,
/// and values.
/// </summary>
public sealed class ArrowInteropTests : IDisposable
{
    private readonly TempDataDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Without value offsets every column holds its values as themselves (integers maybe narrower).</summary>
    [Fact]
    public void A_segment_reads_back_with_the_plain_Arrow_file_reader()
    {
        var table = new TableRef("tenant", "capture");
        var options = new TraceTableWriterOptions { RowsPerBatch = 700, ValueOffsets = false };
        using (var writer = new TraceTableStore(_dir.Path).CreateWriter(table, SampleRows.Schema, options))
            SampleRows.Write(writer, 0, 2000);

        var path = Path.Combine(_dir.Path, "tables", "tenant", "capture", "seg-000001.arrow");
        using var stream = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[6];
        stream.ReadExactly(magic);
        Assert.True(magic.SequenceEqual("ARROW1"u8), "Arrow IPC file magic");
        stream.Position = 0;

        using var reader = new ArrowFileReader(stream);
        var schema = reader.Schema;
        // i8's values (row * 1,000,003 - 7) fit 32 bits here: the segment stores them as Int32 (StoredIntegerType).
        Assert.Equal(
            [ArrowTypeId.Boolean, ArrowTypeId.Int16, ArrowTypeId.Int32, ArrowTypeId.Int32, ArrowTypeId.Float, ArrowTypeId.Double,
             ArrowTypeId.String, ArrowTypeId.Binary, ArrowTypeId.Timestamp, ArrowTypeId.Timestamp, ArrowTypeId.Timestamp,
             ArrowTypeId.UInt32, ArrowTypeId.FixedSizedBinary, ArrowTypeId.FixedSizedBinary, ArrowTypeId.FixedSizedBinary],
            schema.FieldsList.Select(f => f.DataType.TypeId));
        Assert.Equal(SampleRows.Schema.Columns.Select(c => c.Name), schema.FieldsList.Select(f => f.Name));

        var ts = (TimestampType)schema.GetFieldByName("ts").DataType;
        Assert.Equal((TimeUnit.Microsecond, (string?)null), (ts.Unit, string.IsNullOrEmpty(ts.Timezone) ? null : ts.Timezone));
        var tsn = (TimestampType)schema.GetFieldByName("tsn").DataType;
        Assert.Equal((TimeUnit.Nanosecond, "UTC"), (tsn.Unit, tsn.Timezone));
        Assert.Equal(16, ((FixedSizeBinaryType)schema.GetFieldByName("addr").DataType).ByteWidth);
        Assert.Equal(6, ((FixedSizeBinaryType)schema.GetFieldByName("mac").DataType).ByteWidth);
        Assert.Equal("inet4", schema.GetFieldByName("src4").Metadata["vnd.type"]);
        Assert.Equal("inet", schema.GetFieldByName("addr").Metadata["vnd.type"]);
        Assert.Equal("inet", schema.GetFieldByName("addr6").Metadata["vnd.type"]);
        Assert.Equal("6", schema.GetFieldByName("addr6").Metadata["vnd.family"]);
        Assert.Equal("macaddr", schema.GetFieldByName("mac").Metadata["vnd.type"]);

        long row = 0;
        var batches = 0;
        while (reader.ReadNextRecordBatch() is { } batch)
        {
            using (batch)
            {
                batches++;
                Assert.Equal(0, batch.Column("i8").Offset);
                var src4 = (UInt32Array)batch.Column("src4");
                var addr = (FixedSizeBinaryArray)batch.Column("addr");
                for (var i = 0; i < batch.Length; i++, row++)
                {
                    for (var c = 0; c < batch.ColumnCount; c++)
                        Assert.Equal(SampleRows.Value(c, row), SampleRows.Read(batch, c, i));
                    if (!src4.IsNull(i))
                        Assert.Equal(0x0A000000u + (uint)row * 5, src4.GetValue(i));
                    if (!addr.IsNull(i) && row % 2 == 0)
                        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 192, 168, (byte)(row >> 8), (byte)row], addr.GetBytes(i).ToArray());
                }
            }
        }
        Assert.Equal(2000, row);
        Assert.Equal(3, batches);
    }

    [Fact]
    public void The_logical_types_read_back_from_the_Arrow_fields()
    {
        var schema = ArrowTypeMapping.ToArrowSchema(SampleRows.Schema);
        for (var i = 0; i < SampleRows.Schema.Count; i++)
            Assert.Equal(SampleRows.Schema[i].Type, ArrowTypeMapping.FromField(schema.FieldsList[i]));
        // A field written by another tool, without VND metadata, maps by physical type.
        Assert.Equal(Vnd.Planner.Types.SqlType.Int8, ArrowTypeMapping.FromField(new Field("x", Int64Type.Default, true)));
    }

    /// <summary>
    /// With value offsets (the default) timestamps and addresses are unsigned integers whose field says the logical type,
    /// the unit and the base: a plain Arrow reader gets each value back as base + stored value.
    /// </summary>
    [Fact]
    public void Offsets_read_back_with_the_plain_Arrow_file_reader_and_the_fields_metadata()
    {
        var table = new TableRef("tenant", "offsets");
        var schema = new TableSchema(
        [
            new ColumnSchema("ts", SqlType.TimestampTz),
            new ColumnSchema("tsn", SqlType.TimestampTzNanos),
            new ColumnSchema("src", SqlType.Inet4),
        ]);
        const long start = 1_700_000_000_000_000;
        using (var writer = new TraceTableStore(_dir.Path).CreateWriter(table, schema, new TraceTableWriterOptions { RowsPerBatch = 500 }))
        {
            for (var r = 0; r < 2000; r++)
            {
                writer.GetBuilder<TimestampColumnBuilder>(0).Append(start + (r * 37));
                writer.GetBuilder<TimestampColumnBuilder>(1).Append((start * 1000) + (r * 1001));
                if (r % 7 == 3)
                    writer.GetBuilder<Inet4ColumnBuilder>(2).AppendNull();
                else
                    writer.GetBuilder<Inet4ColumnBuilder>(2).Append(0x0A000100u + (uint)(r % 200));
                writer.EndRow();
            }
            writer.Commit();
        }

        using var stream = File.OpenRead(Path.Combine(_dir.Path, "tables", "tenant", "offsets", "seg-000001.arrow"));
        using var reader = new ArrowFileReader(stream);
        var fields = reader.Schema.FieldsList;
        // 2,000 rows: 74,000 µs and 2,002,000 ns need four bytes; 200 addresses of 10.0.1.0/24 two, from 10.0.0.0.
        Assert.Equal([ArrowTypeId.UInt32, ArrowTypeId.UInt32, ArrowTypeId.UInt16], fields.Select(f => f.DataType.TypeId));
        Assert.Equal(("timestamptz", "us", start.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (fields[0].Metadata["vnd.type"], fields[0].Metadata["vnd.unit"], fields[0].Metadata["vnd.base"]));
        Assert.Equal(("timestamptz", "ns"), (fields[1].Metadata["vnd.type"], fields[1].Metadata["vnd.unit"]));
        Assert.Equal(("inet4", "167772160"), (fields[2].Metadata["vnd.type"], fields[2].Metadata["vnd.base"]));
        Assert.Equal(SqlType.TimestampTzNanos, ArrowTypeMapping.FromField(fields[1]));

        var bases = fields.Select(f => long.Parse(f.Metadata["vnd.base"], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        long row = 0;
        while (reader.ReadNextRecordBatch() is { } batch)
        {
            using (batch)
            {
                var ts = (UInt32Array)batch.Column(0);
                var tsn = (UInt32Array)batch.Column(1);
                var src = (UInt16Array)batch.Column(2);
                for (var i = 0; i < batch.Length; i++, row++)
                {
                    Assert.Equal(start + (row * 37), bases[0] + ts.GetValue(i)!.Value);
                    Assert.Equal((start * 1000) + (row * 1001), bases[1] + tsn.GetValue(i)!.Value);
                    if (row % 7 == 3)
                        Assert.True(src.IsNull(i));
                    else
                        Assert.Equal(0x0A000100L + (row % 200), bases[2] + src.GetValue(i)!.Value);
                }
            }
        }
        Assert.Equal(2000, row);
    }
}
