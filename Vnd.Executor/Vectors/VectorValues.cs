using System.Net;
using System.Text;
using Vnd.Planner.Types;

namespace Vnd.Executor.Vectors;

/// <summary>
/// Boxed access to single values: for literals when a plan is built, for tests and for slow paths such as
/// result formatting. Never used inside kernels. CLR mapping: bool, short, int, long, double, decimal, string
/// (text), byte[] (bytea), ArrayValue (arrays), DateTime (timestamp, UTC), DateOnly (date), TemporalInfinity (either's infinities), TimeSpan (time, 0 … 24 h), PgInterval, IPAddress or InetValue (inet),
/// PhysicalAddress-free ulong (macaddr).
/// </summary>
public static class VectorValues
{
    private static readonly DateTime UnixEpoch = DateTime.UnixEpoch;

    public static object? Get(Vector vector, int row)
    {
        if (vector.IsNull(row))
            return null;
        var type = vector.Type;
        return vector.PhysicalType switch
        {
            PhysicalType.Bool => vector.Get<byte>(row) != 0,
            PhysicalType.Int16 => vector.Get<short>(row),
            PhysicalType.Int32 when type.Id == TypeId.Date => Date(vector.Get<int>(row)),
            PhysicalType.Int32 => vector.Get<int>(row),
            PhysicalType.Int64 when type.Id is TypeId.Timestamp or TypeId.TimestampTz => Timestamp(vector.Get<long>(row), type.Unit),
            PhysicalType.Int64 when type.Id == TypeId.Time => TimeSpan.FromTicks(vector.Get<long>(row) * TimeSpan.TicksPerMicrosecond),
            PhysicalType.Int64 => vector.Get<long>(row),
            PhysicalType.Float64 => vector.Get<double>(row),
            PhysicalType.Decimal => vector.Get<decimal>(row),
            PhysicalType.VarBytes when type.Id == TypeId.Bytea => vector.GetBytes(row).ToArray(),
            PhysicalType.VarBytes when type.Id == TypeId.Array => ArrayValue.Read(vector.GetBytes(row), type.Element!),
            PhysicalType.VarBytes => Encoding.UTF8.GetString(vector.GetBytes(row)),
            PhysicalType.Interval => vector.Get<PgInterval>(row),
            PhysicalType.Inet4 => InetValue.FromV4(vector.Get<uint>(row)),
            PhysicalType.Inet => vector.Get<InetValue>(row),
            PhysicalType.MacAddr => vector.Get<ulong>(row),
            _ => throw new ArgumentOutOfRangeException(nameof(vector)),
        };
    }

    private static object Date(int days) => TemporalInfinity.IsDate(days)
        ? TemporalInfinity.OfDate(days)
        : DateOnly.FromDayNumber(DateOnly.FromDateTime(UnixEpoch).DayNumber + days);

    private static object Timestamp(long stored, TimeUnit unit) => TemporalInfinity.IsTimestamp(stored)
        ? TemporalInfinity.OfTimestamp(stored)
        : UnixEpoch.AddTicks(TimeUnits.ToTicks(stored, unit));

    /// <summary>Writes one boxed value (CLR types as in <see cref="Get"/>; numbers are converted).</summary>
    public static void Set(Vector vector, int row, object? value)
    {
        if (value is null)
        {
            vector.SetNull(row);
            return;
        }
        vector.Validity.SetValid(row);
        var type = vector.Type;
        switch (vector.PhysicalType)
        {
            case PhysicalType.Bool: vector.Set(row, (byte)((bool)value ? 1 : 0)); break;
            case PhysicalType.Int16: vector.Set(row, Convert.ToInt16(value)); break;
            case PhysicalType.Int32 when value is TemporalInfinity infinity: vector.Set(row, infinity.DateValue); break;
            case PhysicalType.Int64 when value is TemporalInfinity infinity: vector.Set(row, infinity.TimestampValue); break;
            case PhysicalType.Int32 when value is DateOnly d:
                vector.Set(row, d.DayNumber - DateOnly.FromDateTime(UnixEpoch).DayNumber);
                break;
            case PhysicalType.Int32: vector.Set(row, Convert.ToInt32(value)); break;
            case PhysicalType.Int64 when value is DateTime t:
                vector.Set(row, TimeUnits.FromTicks(t.ToUniversalTime().Ticks - UnixEpoch.Ticks, type.Unit));
                break;
            case PhysicalType.Int64 when value is TimeSpan time:
                vector.Set(row, time.Ticks / TimeSpan.TicksPerMicrosecond);
                break;
            case PhysicalType.Int64: vector.Set(row, Convert.ToInt64(value)); break;
            case PhysicalType.Float64: vector.Set(row, Convert.ToDouble(value)); break;
            case PhysicalType.Decimal: vector.Set(row, Convert.ToDecimal(value)); break;
            case PhysicalType.VarBytes when value is ArrayValue array: vector.SetBytes(row, array.ToLayout()); break;
            case PhysicalType.VarBytes when type.Id == TypeId.Array:
                throw new ArgumentException($"not an array value: {value}", nameof(value));
            case PhysicalType.VarBytes when value is byte[] bytes: vector.SetBytes(row, bytes); break;
            case PhysicalType.VarBytes: vector.SetBytes(row, Encoding.UTF8.GetBytes((string)value)); break;
            case PhysicalType.Interval: vector.Set(row, (PgInterval)value); break;
            case PhysicalType.Inet4: vector.Set(row, (uint)ToInet(value).Low); break;
            case PhysicalType.Inet: vector.Set(row, ToInet(value)); break;
            case PhysicalType.MacAddr: vector.Set(row, Convert.ToUInt64(value)); break;
            default: throw new ArgumentOutOfRangeException(nameof(vector));
        }
    }

    /// <summary>A constant vector holding one boxed value.</summary>
    public static Vector Constant(SqlType type, object? value)
    {
        var vector = new Vector(type, 1);
        vector.ResetConstant();
        Set(vector, 0, value);
        return vector;
    }

    private static InetValue ToInet(object value) => value switch
    {
        InetValue v => v,
        IPAddress a => InetValue.FromAddress(a),
        string s => ParseInet(s),
        _ => throw new ArgumentException($"not an inet value: {value}", nameof(value)),
    };

    public static InetValue ParseInet(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var host = slash < 0 ? text : text[..slash];
        // IPAddress.Parse takes the legacy shorthands '1.2.3' and '10' as IPv4; PostgreSQL's inet does not.
        if (!host.Contains(':', StringComparison.Ordinal) && host.Count(c => c == '.') != 3)
            throw new FormatException($"invalid inet address: {text}");
        var address = IPAddress.Parse(host);
        var bits = slash < 0 ? -1 : int.Parse(text[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
        // A prefix longer than the address ('10.0.0.1/33') is invalid input in PostgreSQL (22P02), not a clamp.
        if (bits > (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128))
            throw new FormatException($"invalid inet address: {text}");
        return InetValue.FromAddress(address, bits);
    }
}
