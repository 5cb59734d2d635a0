using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// <c>extract</c> returns numeric since PostgreSQL 14 (<c>date_part</c> stays float8): the epoch of a timestamp is
/// exact to the microsecond and printed with its scale (<c>1704067200.000000</c>), which a float8 detour would
/// round. Fields that are whole numbers come from <see cref="TimeFunctions.Part"/> unchanged.
/// </summary>
internal static class ExactTimeParts
{
    public static decimal Part(long stored, string field, TimeUnit unit)
    {
        var perSecond = TimeUnits.PerSecond(unit);
        var scale = unit == TimeUnit.Nanosecond ? (byte)9 : (byte)6;
        var inSecond = stored - (TimeUnits.FloorDiv(stored, perSecond) * perSecond);
        var second = DateTime.UnixEpoch.AddTicks(TimeUnits.ToTicks(stored, unit)).Second;
        return field switch
        {
            "epoch" => Scaled(stored, scale),
            "second" => Scaled((second * perSecond) + inSecond, scale),
            "milliseconds" => Scaled((second * perSecond) + inSecond, (byte)(scale - 3)),
            "microseconds" => decimal.Round(Scaled((second * perSecond) + inSecond, (byte)(scale - 6))),
            _ => (decimal)TimeFunctions.Part(stored, field, unit),
        };
    }

    public static decimal IntervalPart(PgInterval v, string field) => field switch
    {
        "epoch" => Scaled((((v.Months * 30L) + v.Days) * 86_400_000_000L) + v.Micros, 6),
        "second" => Scaled(v.Micros % 60_000_000L, 6),
        "milliseconds" => Scaled(v.Micros % 60_000_000L, 3),
        _ => (decimal)TimeFunctions.IntervalPart(v, field),
    };

    /// <summary><paramref name="units"/> × 10^-scale, keeping the scale (and so PostgreSQL's trailing zeros).</summary>
    private static decimal Scaled(long units, byte scale)
    {
        var magnitude = units == long.MinValue ? 1UL << 63 : (ulong)Math.Abs(units);
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, units < 0, scale);
    }
}
