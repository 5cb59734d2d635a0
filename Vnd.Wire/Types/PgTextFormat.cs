using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Vnd.Wire.Types;

/// <summary>
/// Text-format output functions, byte-exact with PostgreSQL's *_out functions (DateStyle ISO, IntervalStyle
/// postgres, bytea_output hex, extra_float_digits ≥ 1 i.e. shortest round-trip floats). Each writes UTF-8 into
/// <c>destination</c> (sized by the caller from the documented maximum) and returns the byte count.
/// </summary>
public static class PgTextFormat
{
    /// <summary>Upper bound of any scalar text produced here except text/bytea/arrays.</summary>
    public const int MaxScalarLength = 96;

    /// <summary>DBL_DIG and FLT_DIG: from this decimal exponent on, PostgreSQL prints floats in exponent form.</summary>
    private const int DoubleDigits = 15;
    private const int FloatDigits = 6;

    public static int Bool(bool value, Span<byte> destination)
    {
        destination[0] = value ? (byte)'t' : (byte)'f';
        return 1;
    }

    public static int Int64(long value, Span<byte> destination)
    {
        Utf8Formatter.TryFormat(value, destination, out var written);
        return written;
    }

    public static int Float8(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value))
        {
            return NonFinite(double.IsNaN(value), value > 0, destination);
        }

        Span<byte> shortest = stackalloc byte[40];
        value.TryFormat(shortest, out var written, "R", CultureInfo.InvariantCulture);
        return PgShortestDecimal.Layout(shortest[..written], DoubleDigits, destination);
    }

    public static int Float4(float value, Span<byte> destination)
    {
        if (!float.IsFinite(value))
        {
            return NonFinite(float.IsNaN(value), value > 0, destination);
        }

        Span<byte> shortest = stackalloc byte[40];
        value.TryFormat(shortest, out var written, "R", CultureInfo.InvariantCulture);
        return PgShortestDecimal.Layout(shortest[..written], FloatDigits, destination);
    }

    public static int Numeric(decimal value, Span<byte> destination)
    {
        value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
        return written;
    }

    public static int Date(DateOnly value, Span<byte> destination)
    {
        value.TryFormat(destination, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return written;
    }

    /// <summary>timestamp without time zone: <c>2024-01-02 03:04:05.123456</c>, fraction without trailing zeros.</summary>
    public static int Timestamp(DateTime value, Span<byte> destination)
    {
        value.TryFormat(destination, out var written, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return written + Fraction(value.Ticks % TimeSpan.TicksPerSecond / 10, destination[written..]);
    }

    /// <summary>timestamptz in the session zone: <c>2024-01-02 03:04:05.5+00</c>, <c>...+05:30</c>.</summary>
    public static int TimestampTz(DateTime utc, TimeZoneInfo zone, Span<byte> destination)
    {
        var offset = zone.GetUtcOffset(utc);
        var written = Timestamp(utc + offset, destination);
        return written + Offset(offset, destination[written..]);
    }

    public static int Offset(TimeSpan offset, Span<byte> destination)
    {
        destination[0] = offset < TimeSpan.Zero ? (byte)'-' : (byte)'+';
        var total = (int)Math.Abs(offset.TotalSeconds);
        var written = 1 + TwoDigits(total / 3600, destination[1..]);
        if (total % 3600 != 0)
        {
            destination[written++] = (byte)':';
            written += TwoDigits(total % 3600 / 60, destination[written..]);
            if (total % 60 != 0)
            {
                destination[written++] = (byte)':';
                written += TwoDigits(total % 60, destination[written..]);
            }
        }

        return written;
    }

    /// <summary>".ffffff" with trailing zeros removed, nothing when zero (PostgreSQL's AppendSeconds).</summary>
    public static int Fraction(long microseconds, Span<byte> destination)
    {
        if (microseconds == 0)
        {
            return 0;
        }

        destination[0] = (byte)'.';
        var digits = 6;
        while (microseconds % 10 == 0)
        {
            microseconds /= 10;
            digits--;
        }

        Utf8Formatter.TryFormat(microseconds, destination[1..], out _, new StandardFormat('D', (byte)digits));
        return 1 + digits;
    }

    public static int MacAddr(ReadOnlySpan<byte> address, Span<byte> destination)
    {
        var written = 0;
        for (var i = 0; i < address.Length; i++)
        {
            if (i > 0)
            {
                destination[written++] = (byte)':';
            }

            destination[written++] = HexDigit(address[i] >> 4);
            destination[written++] = HexDigit(address[i] & 0xF);
        }

        return written;
    }

    /// <summary>inet prints the prefix only when it is not the full width; cidr always prints it.</summary>
    public static int Inet(IPAddress address, int prefix, bool isCidr, Span<byte> destination)
    {
        Span<char> chars = stackalloc char[64];
        address.TryFormat(chars, out var length);
        var written = 0;
        for (var i = 0; i < length; i++)
        {
            destination[written++] = (byte)chars[i];
        }

        var full = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (isCidr || prefix != full)
        {
            destination[written++] = (byte)'/';
            written += (int)Int64(prefix, destination[written..]);
        }

        return written;
    }

    public static int Bytea(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        destination[0] = (byte)'\\';
        destination[1] = (byte)'x';
        for (var i = 0; i < value.Length; i++)
        {
            destination[2 + (2 * i)] = HexDigit(value[i] >> 4);
            destination[3 + (2 * i)] = HexDigit(value[i] & 0xF);
        }

        return 2 + (2 * value.Length);
    }

    internal static int TwoDigits(int value, Span<byte> destination)
    {
        Utf8Formatter.TryFormat(value, destination, out var written, new StandardFormat('D', 2));
        return written;
    }

    private static byte HexDigit(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);

    private static int NonFinite(bool nan, bool positive, Span<byte> destination)
    {
        ReadOnlySpan<byte> text = nan ? "NaN"u8 : positive ? "Infinity"u8 : "-Infinity"u8;
        text.CopyTo(destination);
        return text.Length;
    }
}
