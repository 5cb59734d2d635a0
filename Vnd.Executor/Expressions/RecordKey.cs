using System.Buffers.Binary;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// A row value (a, b, …) as one bytea whose bytes are equal exactly when PostgreSQL's record equality (the
/// btree comparison DISTINCT uses) finds the rows equal: each field is a NULL marker (NULLs are equal to each
/// other, as in DISTINCT) or its value in a canonical form — float8 -0 as 0 and one NaN, numeric without trailing
/// zeros, an interval as its 30-day-month span, inet with family and prefix, text and bytea length-prefixed. The
/// binder emits it for count(DISTINCT (a, b)); a row value is never NULL, so count((a, b)) counts every row.
/// </summary>
internal static class RecordKey
{
    /// <summary>The executor name; the binder emits it, SQL cannot call it.</summary>
    public const string Name = "record_key";

    public static Expression? Resolve(string name, IReadOnlyList<Expression> a) =>
        name == Name && a.Count > 0 ? new FunctionExpression(name, SqlType.Bytea, a, Encode) : null;

    private static void Encode(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows)
    {
        RowKernel.Prepare(args, result);
        foreach (var i in rows)
        {
            var length = 0;
            foreach (var field in args)
                length += 1 + (field.IsNull(i) ? 0 : Size(field, i));
            var key = result.ReserveBytes(i, length);
            var at = 0;
            foreach (var field in args)
                at += Write(field, i, key[at..]);
        }
    }

    private static int Size(Vector field, int row) => field.PhysicalType switch
    {
        PhysicalType.Bool => 1,
        PhysicalType.Int16 => 2,
        PhysicalType.Int32 or PhysicalType.Inet4 => 4,
        PhysicalType.Int64 or PhysicalType.MacAddr or PhysicalType.Float64 => 8,
        PhysicalType.Decimal or PhysicalType.Interval => 16,
        PhysicalType.Inet => 18,
        _ => 4 + field.GetBytes(row).Length,
    };

    private static int Write(Vector field, int row, Span<byte> key)
    {
        if (field.IsNull(row))
        {
            key[0] = 0;
            return 1;
        }
        key[0] = 1;
        var value = key[1..];
        switch (field.PhysicalType)
        {
            case PhysicalType.Bool: value[0] = field.Get<byte>(row) == 0 ? (byte)0 : (byte)1; break;
            case PhysicalType.Int16: BinaryPrimitives.WriteInt16LittleEndian(value, field.Get<short>(row)); break;
            case PhysicalType.Int32 or PhysicalType.Inet4: BinaryPrimitives.WriteInt32LittleEndian(value, field.Get<int>(row)); break;
            case PhysicalType.Int64 or PhysicalType.MacAddr: BinaryPrimitives.WriteInt64LittleEndian(value, field.Get<long>(row)); break;
            case PhysicalType.Float64: BinaryPrimitives.WriteDoubleLittleEndian(value, CanonicalFloat(field.Get<double>(row))); break;
            case PhysicalType.Decimal: WriteDecimal(field.Get<decimal>(row), value); break;
            case PhysicalType.Interval: BinaryPrimitives.WriteInt128LittleEndian(value, field.Get<PgInterval>(row).TotalMicros); break;
            case PhysicalType.Inet:
                var inet = field.Get<InetValue>(row);
                BinaryPrimitives.WriteUInt64LittleEndian(value, inet.High);
                BinaryPrimitives.WriteUInt64LittleEndian(value[8..], inet.Low);
                value[16] = inet.Prefix;
                value[17] = inet.IsV6 ? (byte)1 : (byte)0;
                break;
            default:
                var bytes = field.GetBytes(row);
                BinaryPrimitives.WriteInt32LittleEndian(value, bytes.Length);
                bytes.CopyTo(value[4..]);
                break;
        }
        return 1 + Size(field, row);
    }

    /// <summary>float8 equality: -0 = 0 and NaN = NaN (PostgreSQL orders every NaN as one value above the numbers).</summary>
    private static double CanonicalFloat(double value) => double.IsNaN(value) ? double.NaN : value == 0 ? 0d : value;

    /// <summary>numeric equality ignores the scale (1.0 = 1.00) and the sign of zero.</summary>
    private static void WriteDecimal(decimal value, Span<byte> key)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(NumericKey.Canonical(value), bits);
        for (var k = 0; k < 4; k++)
            BinaryPrimitives.WriteInt32LittleEndian(key[(k * 4)..], bits[k]);
    }
}
