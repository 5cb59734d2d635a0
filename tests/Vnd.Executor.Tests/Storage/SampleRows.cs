using System.Text;
using Apache.Arrow;
using Apache.Arrow.Arrays;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Storage;

/// <summary>
/// A table with one column of every storable type whose values (and nulls) are a function of the row
/// number, so tests can write any number of rows and check every value read back. Values are normalised
/// for comparison: integers as long, floats as double, byte strings as hex, inet as 16 mapped bytes.
/// </summary>
public static class SampleRows
{
    public static readonly TableSchema Schema = new(
    [
        new ColumnSchema("flag", SqlType.Bool),
        new ColumnSchema("i2", SqlType.Int2),
        new ColumnSchema("i4", SqlType.Int4),
        new ColumnSchema("i8", SqlType.Int8),
        new ColumnSchema("f4", SqlType.Float4),
        new ColumnSchema("f8", SqlType.Float8),
        new ColumnSchema("info", SqlType.Text),
        new ColumnSchema("payload", SqlType.Bytea),
        new ColumnSchema("ts", SqlType.Timestamp),
        new ColumnSchema("tsz", SqlType.TimestampTz),
        new ColumnSchema("tsn", SqlType.TimestampTzNanos),
        new ColumnSchema("src4", SqlType.Inet4),
        new ColumnSchema("addr", SqlType.Inet),
        new ColumnSchema("addr6", SqlType.Inet6),
        new ColumnSchema("mac", SqlType.MacAddr),
    ]);

    /// <summary>Column <paramref name="column"/> of row <paramref name="row"/> is null (a different pattern per column).</summary>
    public static bool IsNull(int column, long row) => (row + column * 3) % 11 == 0;

    /// <summary>The raw value written (null for SQL NULL); address columns give the bytes appended.</summary>
    public static object? Value(int column, long row)
    {
        if (IsNull(column, row))
            return null;
        return column switch
        {
            0 => row % 3 == 0,
            1 => (long)(short)(row * 7 - 1000),
            2 => row * 13 - 50_000,
            3 => row * 1_000_003 - 7,
            4 => (double)(row * 0.5f - 10),
            5 => row * 1.25 - 3,
            6 => "row-" + row + (row % 4 == 0 ? "-é" : ""),
            7 => Convert.ToHexString(Payload(row)),
            8 => 1_700_000_000_000_000 + row,
            9 => 1_700_000_000_000_000 + 10 * row,
            10 => 1_700_000_000_000_000_000 + 3 * row,
            11 => (long)(0x0A000000u + (uint)row * 5),
            12 => Convert.ToHexString(Mapped(Address(row))),
            13 => Convert.ToHexString(Ipv6(row)),
            14 => Convert.ToHexString(Mac(row)),
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };
    }

    public static void Write(TraceTableWriter writer, long firstRow, long count)
    {
        for (var row = firstRow; row < firstRow + count; row++)
        {
            for (var c = 0; c < Schema.Count; c++)
            {
                if (IsNull(c, row))
                    writer.Columns[c].AppendNull();
                else
                    Append(writer, c, row);
            }
            writer.EndRow();
        }
    }

    private static void Append(TraceTableWriter w, int c, long row)
    {
        var v = Value(c, row)!;
        switch (c)
        {
            case 0: w.GetBuilder<BoolColumnBuilder>(c).Append((bool)v); break;
            case 1: w.GetBuilder<Int16ColumnBuilder>(c).Append((short)(long)v); break;
            case 2: w.GetBuilder<Int32ColumnBuilder>(c).Append((int)(long)v); break;
            case 3: w.GetBuilder<Int64ColumnBuilder>(c).Append((long)v); break;
            case 4: w.GetBuilder<Float32ColumnBuilder>(c).Append((float)(double)v); break;
            case 5: w.GetBuilder<Float64ColumnBuilder>(c).Append((double)v); break;
            case 6 when row % 2 == 0: w.GetBuilder<TextColumnBuilder>(c).Append((string)v); break;
            case 6: w.GetBuilder<TextColumnBuilder>(c).Append(Encoding.UTF8.GetBytes((string)v)); break;
            case 7: w.GetBuilder<BinaryColumnBuilder>(c).Append(Payload(row)); break;
            case 8 or 9 or 10: w.GetBuilder<TimestampColumnBuilder>(c).Append((long)v); break;
            case 11: w.GetBuilder<Inet4ColumnBuilder>(c).Append((uint)(long)v); break;
            case 12: w.GetBuilder<InetColumnBuilder>(c).Append(Address(row)); break;
            case 13: w.GetBuilder<InetColumnBuilder>(c).Append(Ipv6(row)); break;
            case 14: w.GetBuilder<MacAddrColumnBuilder>(c).Append(Mac(row)); break;
        }
    }

    /// <summary>
    /// The value at <paramref name="index"/> of column <paramref name="column"/> of a segment's batch, normalised like
    /// <see cref="Value"/>. Integer-valued columns (integers, timestamps, inet4) may be stored narrower than their type,
    /// as offsets from their field's base (StoredIntegerType).
    /// </summary>
    public static object? Read(RecordBatch batch, int column, int index)
    {
        var array = batch.Column(column);
        if (array.IsNull(index))
            return null;
        return array switch
        {
            BooleanArray a => a.GetValue(index),
            UInt8Array or Int8Array or UInt16Array or Int16Array or UInt32Array or Int32Array or Int64Array or TimestampArray =>
                StoredIntegerType.Value(batch, column, index),
            FloatArray a => (double)a.GetValue(index)!.Value,
            DoubleArray a => a.GetValue(index),
            StringArray a => a.GetString(index),
            BinaryArray a => Convert.ToHexString(a.GetBytes(index)),
            FixedSizeBinaryArray a => Convert.ToHexString(a.GetBytes(index)),
            _ => throw new InvalidOperationException("unexpected array " + array.GetType().Name),
        };
    }

    public static byte[] Payload(long row)
    {
        var bytes = new byte[row % 5];
        for (var i = 0; i < bytes.Length; i++)
            bytes[i] = (byte)(row + i);
        return bytes;
    }

    /// <summary>IPv4 for even rows, IPv6 for odd ones.</summary>
    public static byte[] Address(long row) => row % 2 == 0 ? [192, 168, (byte)(row >> 8), (byte)row] : Ipv6(row);

    public static byte[] Ipv6(long row) => [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, (byte)(row >> 24), (byte)(row >> 16), (byte)(row >> 8), (byte)row];

    public static byte[] Mapped(byte[] address) =>
        address.Length == 16 ? address : [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, .. address];

    public static byte[] Mac(long row) => [0x00, 0x1b, 0x21, (byte)(row >> 16), (byte)(row >> 8), (byte)row];
}
