using Apache.Arrow;
using Apache.Arrow.Ipc;
using Vnd.Executor.Remote;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Remote;

/// <summary>Every vector layout (arrays too: their layout bytes travel as Arrow binary) survives executor batch → Arrow IPC stream → executor batch, nulls and selections included.</summary>
public sealed class WireFormatTests
{
    private static readonly SqlType[] Types =
    [
        SqlType.Bool, SqlType.Int2, SqlType.Int4, SqlType.Int8, SqlType.Float4, SqlType.Float8, SqlType.Numeric, SqlType.Text,
        SqlType.Bytea, SqlType.Date, SqlType.TimestampTz, SqlType.Interval, SqlType.Inet4, SqlType.Inet, SqlType.Cidr, SqlType.MacAddr,
        SqlType.ArrayOf(SqlType.Int4), SqlType.ArrayOf(SqlType.Text),
    ];

    private static readonly object?[] Values =
    [
        true, (short)-7, 123456, long.MinValue, 1.5, -2.25, 12345.6789m, "héllo", new byte[] { 0, 1, 255 }, 19000,
        1_700_000_000_123_456L, new PgInterval(1, 2, 3_000_000), InetValue.FromV4(0x0A000001),
        new InetValue(0x20010DB800000000, 1, 128, true), InetValue.FromV4(0x0A000000, 8), 0x0011_2233_4455UL,
        new ArrayValue(SqlType.Int4, [1, null, -3]), new ArrayValue(SqlType.Text, ["a b", null, "é"]),
    ];

    [Fact]
    public void Every_layout_round_trips_through_an_arrow_stream()
    {
        var batch = new Batch(Types);
        for (var row = 0; row < 5; row++)
        {
            for (var c = 0; c < Types.Length; c++)
            {
                if (row == 3)
                    batch[c].SetNull(row);
                else
                    VectorValues.Set(batch[c], row, Values[c]);
            }
        }
        batch.Count = 5;
        batch.SetSelection([0, 3, 4], 3); // row 1 and 2 are filtered out

        var names = Types.Select((_, i) => "c" + i).ToArray();
        var record = ThroughIpc(new BatchArrowWriter(names, Types).Write(batch));

        var back = new Batch(Types);
        ArrowBatchSlicer.Copy(record, Enumerable.Range(0, Types.Length).ToArray(), 0, record.Length, back);
        Assert.Equal(3, back.Count);
        for (var c = 0; c < Types.Length; c++)
        {
            Assert.Equal(Format(VectorValues.Get(batch[c], 0)), Format(VectorValues.Get(back[c], 0)));
            Assert.True(back[c].IsNull(1), Types[c].PgName);
            Assert.Equal(Format(VectorValues.Get(batch[c], 4)), Format(VectorValues.Get(back[c], 2)));
        }
    }

    private static string? Format(object? value) => value is byte[] bytes ? Convert.ToHexString(bytes) : value?.ToString();

    private static RecordBatch ThroughIpc(RecordBatch record)
    {
        using var memory = new MemoryStream();
        using (var writer = new ArrowStreamWriter(memory, record.Schema, leaveOpen: true))
        {
            writer.WriteRecordBatch(record);
            writer.WriteEnd();
        }
        memory.Position = 0;
        using var reader = new ArrowStreamReader(memory);
        return reader.ReadNextRecordBatch();
    }
}
