using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Engine.Catalog;

/// <summary>A stored timestamp statistic (units since the epoch, in the column's resolution) as a time of day.</summary>
public static class TraceTimes
{
    public static DateTime? ToTime(long? value, SqlType type) =>
        value is { } v ? DateTime.UnixEpoch.AddTicks(TimeUnits.ToTicks(v, type.Unit)) : null;
}
