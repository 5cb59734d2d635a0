using Apache.Arrow;
using Apache.Arrow.Arrays;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Vnd.Executor.Storage;

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

    [Fact]
    public void A_segment_reads_back_with_the_plain_Arrow_file_reader()
    {
        var table = new TableRef("tenant", "capture");
        using (var writer = new TraceTableStore(_dir.Path).CreateWriter(table, SampleRows.Schema, new TraceTableWriterOptions { RowsPerBatch = 700 }))
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
                        Assert.Equal(SampleRows.Value(c, row), SampleRows.Read(batch.Column(c), i));
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
}
