using System.IO.Pipelines;
using Vnd.Engine.Sessions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Logical;
using Vnd.Planner.Types;
using Vnd.Wire.Protocol.Backend;
using Vnd.Wire.Results;

namespace Vnd.Engine.Tests.Sessions;

/// <summary>
/// The column-at-a-time binary encoder sends exactly the bytes of the row-at-a-time one (the path the real-client
/// tests check against PostgreSQL): every fixed-width kind, with and without NULLs, constant and all-NULL constant vectors, a
/// selection, and more rows than one output chunk holds.
/// </summary>
public sealed class WireRowEncoderColumnarTests
{
    private static readonly SqlType[] Types =
    [
        SqlType.Bool, SqlType.Int2, SqlType.Int4, SqlType.Int8, SqlType.Float4, SqlType.Float8, SqlType.Date,
        SqlType.Timestamp, SqlType.TimestampTz, SqlType.TimestampTzNanos, SqlType.Inet4, SqlType.MacAddr, SqlType.Oid,
        SqlType.Int8, SqlType.Int4,
    ];

    [Theory]
    [InlineData(RowFraming.DataRow, false, true)]
    [InlineData(RowFraming.DataRow, true, true)]
    [InlineData(RowFraming.CopyBinary, false, true)]
    [InlineData(RowFraming.CopyBinary, true, true)]
    [InlineData(RowFraming.DataRow, false, false)]
    [InlineData(RowFraming.DataRow, true, false)]
    [InlineData(RowFraming.CopyBinary, false, false)]
    public void Columnar_bytes_equal_the_row_paths(RowFraming framing, bool selected, bool nulls)
    {
        // Without NULLs the columnar path writes every row at a fixed stride instead of through per-row cursors.
        var batch = Filled(new Random(7), nulls);
        var rows = selected ? Selection(batch) : batch.Rows.ToArray();

        var columnar = Encode(batch, rows, framing, rowAtATime: false);
        var reference = Encode(batch, rows, framing, rowAtATime: true);

        // Several 64 KB chunks, so rows are split across GetSpan calls as in a real result.
        Assert.True(reference.Length > 2 * 64 * 1024, $"only {reference.Length} bytes");
        Assert.Equal(reference, columnar);
    }

    [Theory]
    [InlineData(RowFraming.DataRow, false)]
    [InlineData(RowFraming.DataRow, true)]
    [InlineData(RowFraming.CopyBinary, false)]
    public void A_dense_batchs_own_rows_equal_the_row_paths(RowFraming framing, bool nulls)
    {
        // The batch's own rows (not a copy of them): the columnar path reads each flat column's values in order.
        var batch = Filled(new Random(11), nulls);
        Assert.True(Batch.IsIdentity(batch.Rows));

        var columnar = Encode(batch, batch.Rows, framing, rowAtATime: false);
        var reference = Encode(batch, batch.Rows.ToArray(), framing, rowAtATime: true);

        Assert.True(reference.Length > 2 * 64 * 1024, $"only {reference.Length} bytes");
        Assert.Equal(reference, columnar);
    }

    [Fact]
    public void A_text_column_keeps_the_row_path_and_its_bytes()
    {
        var types = new[] { SqlType.Int8, SqlType.Text };
        var batch = new Batch(types) { Count = 3 };
        for (var row = 0; row < 3; row++)
        {
            batch[0].Set(row, (long)row);
            batch[1].SetBytes(row, "ab"u8);
        }
        var bytes = Encode(batch, batch.Rows.ToArray(), RowFraming.DataRow, rowAtATime: false, types);
        Assert.Equal(Encode(batch, batch.Rows.ToArray(), RowFraming.DataRow, rowAtATime: true, types), bytes);
        // 'D', length 4 + 2 + (4 + 8) + (4 + 2) = 24, two columns, then the values.
        Assert.Equal(new byte[] { (byte)'D', 0, 0, 0, 24, 0, 2, 0, 0, 0, 8 }, bytes[..11]);
    }

    private static Batch Filled(Random random, bool nulls)
    {
        var batch = new Batch(Types) { Count = Batch.Capacity };
        for (var c = 0; c < Types.Length; c++)
        {
            var vector = batch[c];
            vector.ResetFlat();
            for (var row = 0; row < batch.Count; row++)
            {
                switch (Types[c].Id)
                {
                    case TypeId.Bool: vector.Set(row, (byte)random.Next(2)); break;
                    case TypeId.Int2: vector.Set(row, (short)random.Next(short.MinValue, short.MaxValue)); break;
                    case TypeId.Int4 or TypeId.Date: vector.Set(row, random.Next(int.MinValue / 2, int.MaxValue / 2)); break;
                    case TypeId.Oid or TypeId.Inet: vector.Set(row, (uint)random.NextInt64(0, uint.MaxValue)); break;
                    case TypeId.Float4 or TypeId.Float8: vector.Set(row, (random.NextDouble() - 0.5) * 1e9); break;
                    case TypeId.MacAddr: vector.Set(row, (ulong)random.NextInt64(0, 1L << 48)); break;
                    default: vector.Set(row, random.NextInt64(-1L << 60, 1L << 60)); break;
                }
                // Every column but the first has NULLs, at different rows per column.
                if (nulls && c > 0 && random.Next(7) == 0)
                    vector.SetNull(row);
            }
        }
        // The last two columns are constants: a value for every row, and NULL (or a value) for every row.
        batch[Types.Length - 2].ResetConstant();
        batch[Types.Length - 2].Set(0, 42L);
        batch[Types.Length - 1].ResetConstant();
        if (nulls)
            batch[Types.Length - 1].SetNull(0);
        else
            batch[Types.Length - 1].Set(0, 7);
        return batch;
    }

    private static int[] Selection(Batch batch)
    {
        var rows = new List<int>();
        for (var row = 0; row < batch.Count; row += 1 + (row % 3))
            rows.Add(row);
        return [.. rows];
    }

    private static byte[] Encode(Batch batch, ReadOnlySpan<int> rows, RowFraming framing, bool rowAtATime, SqlType[]? types = null)
    {
        types ??= Types;
        var columns = new PlanColumn[types.Length];
        for (var c = 0; c < columns.Length; c++)
            columns[c] = new PlanColumn(new ColumnId(c), $"c{c}", types[c]);
        var binary = new bool[types.Length];
        Array.Fill(binary, true);
        var encoder = new WireRowEncoder(ResultShape.Of(columns), binary, framing, TimeZoneInfo.Utc) { RowAtATime = rowAtATime };
        using var stream = new MemoryStream();
        var pipe = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        using var writer = new DataRowWriter(new BackendWriter(pipe), TimeZoneInfo.Utc);
        encoder.Write(batch, rows, writer);
        Assert.Equal(rows.Length, writer.RowCount);
        pipe.FlushAsync().AsTask().GetAwaiter().GetResult();
        pipe.Complete();
        return stream.ToArray();
    }
}
