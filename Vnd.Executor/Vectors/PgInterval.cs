namespace Vnd.Executor.Vectors;

/// <summary>
/// A PostgreSQL interval: months, days and microseconds kept apart because a month has no fixed length.
/// Ordering follows PostgreSQL's interval_cmp: 30-day months and 24-hour days.
/// </summary>
public readonly record struct PgInterval(int Months, int Days, long Micros) : IComparable<PgInterval>
{
    public const long MicrosPerDay = 86_400_000_000L;
    public const long MicrosPerSecond = 1_000_000L;

    /// <summary>The span measured with 30-day months, as PostgreSQL compares intervals.</summary>
    public Int128 TotalMicros => ((Int128)Months * 30 + Days) * MicrosPerDay + Micros;

    public int CompareTo(PgInterval other) => TotalMicros.CompareTo(other.TotalMicros);

    /// <summary>
    /// PostgreSQL's interval equality (interval_eq, interval_hash): equal spans, so '1 mon' = '30 days'. The record's
    /// own Equals stays field by field, because a value that prints differently is a different constant.
    /// </summary>
    public static IEqualityComparer<PgInterval> SpanEquality { get; } = new SpanComparer();

    public static PgInterval FromMicros(long micros) => new(0, 0, micros);

    public static bool operator <(PgInterval left, PgInterval right) => left.CompareTo(right) < 0;
    public static bool operator >(PgInterval left, PgInterval right) => left.CompareTo(right) > 0;
    public static bool operator <=(PgInterval left, PgInterval right) => left.CompareTo(right) <= 0;
    public static bool operator >=(PgInterval left, PgInterval right) => left.CompareTo(right) >= 0;

    private sealed class SpanComparer : IEqualityComparer<PgInterval>
    {
        public bool Equals(PgInterval x, PgInterval y) => x.TotalMicros == y.TotalMicros;

        public int GetHashCode(PgInterval obj) => obj.TotalMicros.GetHashCode();
    }
}
