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

    public static long FloorDiv(long a, long b)
    {
        var q = a / b;
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
    }
}
