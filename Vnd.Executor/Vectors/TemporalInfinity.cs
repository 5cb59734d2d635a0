namespace Vnd.Executor.Vectors;

/// <summary>
/// 'infinity' or '-infinity' of a date, timestamp or timestamptz as a boxed value (DateTime and DateOnly have no
/// such value). In a vector it is PostgreSQL's own sentinel: int64 max/min for timestamps (in any unit), int32
/// max/min for dates, so comparisons, sorting and min/max order it after (before) every finite value as PostgreSQL
/// does, and the wire writers send it as PostgreSQL would. <see cref="ToString"/> is the text output.
/// </summary>
public readonly record struct TemporalInfinity(bool Negative)
{
    /// <summary>'infinity'.</summary>
    public static readonly TemporalInfinity Plus = new(false);

    /// <summary>'-infinity'.</summary>
    public static readonly TemporalInfinity Minus = new(true);

    /// <summary>timestamp_in/date_in: "infinity" and "-infinity", any case (PostgreSQL 15 refuses "+infinity").</summary>
    public static bool TryParse(string text, out TemporalInfinity value)
    {
        value = default;
        if (text.Equals("infinity", StringComparison.OrdinalIgnoreCase))
            return true;
        if (!text.Equals("-infinity", StringComparison.OrdinalIgnoreCase))
            return false;
        value = Minus;
        return true;
    }

    public static bool IsTimestamp(long stored) => stored is long.MaxValue or long.MinValue;

    public static bool IsDate(int days) => days is int.MaxValue or int.MinValue;

    public static TemporalInfinity OfTimestamp(long stored) => new(stored < 0);

    public static TemporalInfinity OfDate(int days) => new(days < 0);

    public long TimestampValue => Negative ? long.MinValue : long.MaxValue;

    public int DateValue => Negative ? int.MinValue : int.MaxValue;

    public override string ToString() => Negative ? "-infinity" : "infinity";
}
