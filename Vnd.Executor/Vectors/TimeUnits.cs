using Vnd.Planner.Types;

namespace Vnd.Executor.Vectors;

/// <summary>Conversions between stored timestamp units, microseconds (SQL arithmetic) and .NET ticks.</summary>
public static class TimeUnits
{
    public static long PerSecond(TimeUnit unit) => unit == TimeUnit.Nanosecond ? 1_000_000_000L : 1_000_000L;

    public static long ToMicros(long value, TimeUnit unit) => unit == TimeUnit.Nanosecond ? FloorDiv(value, 1000) : value;

    public static long FromMicros(long micros, TimeUnit unit) => unit == TimeUnit.Nanosecond ? checked(micros * 1000) : micros;

    public static long ToTicks(long value, TimeUnit unit) => unit == TimeUnit.Nanosecond ? FloorDiv(value, 100) : value * 10;

    public static long FromTicks(long ticks, TimeUnit unit) => unit == TimeUnit.Nanosecond ? ticks * 100 : FloorDiv(ticks, 10);

    /// <summary>A timestamp in microseconds since the epoch as a DateTime, for work done with .NET's calendar and time
    /// zone rules (years 1–9999); outside that range 22008, where PostgreSQL's wider range would still hold it.</summary>
    public static DateTime MicrosToDateTime(long micros, DateTimeKind kind)
    {
        if (micros is < -62_135_596_800_000_000 or > 253_402_300_799_999_999)
            throw new ExecutionException(Vnd.Planner.Errors.SqlState.DatetimeFieldOverflow, "timestamp out of range");
        return new DateTime(DateTime.UnixEpoch.Ticks + (micros * 10), kind);
    }

    public static long FloorDiv(long a, long b)
    {
        var q = a / b;
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
    }
}
