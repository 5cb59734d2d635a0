using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Vnd.Wire.Errors;
using Vnd.Wire.Types;

namespace Vnd.Engine.Sessions;

/// <summary>
/// Text output of the values a trace table is made of, written digit by digit into a span: timestamps (ISO, as
/// PostgreSQL's timestamp_out with DateStyle ISO prints them) and IPv4 addresses (inet_out). Byte-exact with
/// <see cref="PgTextFormat"/>, which formats through DateTime.TryFormat and is several times slower per value.
/// </summary>
public static class WireTextFormat
{
    /// <summary>"00" to "99": two digits per lookup.</summary>
    private static ReadOnlySpan<byte> Pairs =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    /// <summary>Longest timestamp text without zone: "yyyy-MM-dd HH:mm:ss.ffffff".</summary>
    public const int MaxTimestampLength = 26;

    /// <summary>
    /// Local time as .NET ticks (0001-01-01 based) → "yyyy-MM-dd HH:mm:ss[.ffffff]", trailing fraction zeros removed.
    /// The caller checks the range (years 1..9999).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Timestamp(long ticks, Span<byte> destination)
    {
        var date = new DateTime(ticks);
        date.Deconstruct(out int year, out int month, out int day);
        // Guard once so the JIT drops the bounds checks of the fixed positions below.
        _ = destination[MaxTimestampLength - 1];
        WritePair(year / 100, destination);
        WritePair(year % 100, destination[2..]);
        destination[4] = (byte)'-';
        WritePair(month, destination[5..]);
        destination[7] = (byte)'-';
        WritePair(day, destination[8..]);
        destination[10] = (byte)' ';
        var timeOfDay = ticks % TimeSpan.TicksPerDay;
        var seconds = (int)(timeOfDay / TimeSpan.TicksPerSecond);
        WritePair(seconds / 3600, destination[11..]);
        destination[13] = (byte)':';
        WritePair(seconds / 60 % 60, destination[14..]);
        destination[16] = (byte)':';
        WritePair(seconds % 60, destination[17..]);
        var micros = (int)(timeOfDay % TimeSpan.TicksPerSecond / 10);
        return micros == 0 ? 19 : 19 + Fraction(micros, destination[19..]);
    }

    /// <summary>".ffffff" without trailing zeros (PostgreSQL's AppendSeconds); <paramref name="micros"/> is 1..999999.</summary>
    public static int Fraction(int micros, Span<byte> destination)
    {
        _ = destination[6];
        destination[0] = (byte)'.';
        WritePair(micros / 10000, destination[1..]);
        WritePair(micros / 100 % 100, destination[3..]);
        WritePair(micros % 100, destination[5..]);
        var length = 7;
        while (destination[length - 1] == (byte)'0')
            length--;
        return length;
    }

    /// <summary>
    /// UTC microseconds since 2000-01-01 shifted by <paramref name="offsetTicks"/> → .NET ticks, or 22008 when the
    /// result lies outside years 1..9999 (PostgreSQL's own range is wider; .NET's DateTime is the limit here).
    /// </summary>
    public static long LocalTicks(long microseconds, long offsetTicks)
    {
        const long MinMicros = -PgEpoch.Ticks / 10;
        const long MaxMicros = (3_155_378_975_999_999_999L - PgEpoch.Ticks) / 10;
        if (microseconds < MinMicros || microseconds > MaxMicros)
            throw OutOfRange();
        var ticks = PgEpoch.Ticks + (microseconds * 10) + offsetTicks;
        return ticks is >= 0 and <= 3_155_378_975_999_999_999L ? ticks : throw OutOfRange();
    }

    /// <summary>inet_out of an IPv4 address: dotted quad, then "/prefix" unless it is /32 (always for cidr).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Inet4(uint address, byte prefix, bool cidr, Span<byte> destination)
    {
        var length = Octet(address >> 24, destination);
        destination[length++] = (byte)'.';
        length += Octet((address >> 16) & 0xff, destination[length..]);
        destination[length++] = (byte)'.';
        length += Octet((address >> 8) & 0xff, destination[length..]);
        destination[length++] = (byte)'.';
        length += Octet(address & 0xff, destination[length..]);
        if (cidr || prefix != 32)
        {
            destination[length++] = (byte)'/';
            length += Octet(prefix, destination[length..]);
        }
        return length;
    }

    /// <summary>A MAC address held in the low 48 bits: "08:00:2b:01:02:03".</summary>
    /// <summary>time_out: "HH:MM:SS" and the fraction without trailing zeros; 24:00:00 is a valid time.</summary>
    public static int Time(long micros, Span<byte> destination)
    {
        _ = destination[14];
        var seconds = micros / 1_000_000;
        WritePair((int)(seconds / 3600), destination);
        destination[2] = (byte)':';
        WritePair((int)(seconds / 60 % 60), destination[3..]);
        destination[5] = (byte)':';
        WritePair((int)(seconds % 60), destination[6..]);
        var fraction = (int)(micros % 1_000_000);
        return fraction == 0 ? 8 : 8 + Fraction(fraction, destination[8..]);
    }

    public static int MacAddr(ulong value, Span<byte> destination)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return PgTextFormat.MacAddr(bytes[2..], destination);
    }

    public static PgErrorException OutOfRange() => new("22008", "timestamp out of range");

    private static int Octet(uint value, Span<byte> destination)
    {
        if (value >= 100)
        {
            destination[0] = (byte)('0' + (value / 100));
            WritePair((int)(value % 100), destination[1..]);
            return 3;
        }
        if (value >= 10)
        {
            WritePair((int)value, destination);
            return 2;
        }
        destination[0] = (byte)('0' + value);
        return 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WritePair(int value, Span<byte> destination) => Pairs.Slice(value * 2, 2).CopyTo(destination);
}
