namespace Vnd.Wire.Types;

/// <summary>
/// PostgreSQL's interval: months, days and microseconds are kept apart because a month and a day have no fixed
/// length (binary layout: int64 µs, int32 days, int32 months).
/// </summary>
public readonly record struct PgInterval(int Months, int Days, long Microseconds)
{
    public const long MicrosecondsPerDay = 86_400_000_000L;

    public static PgInterval FromTimeSpan(TimeSpan value)
    {
        var micros = value.Ticks / 10;
        var days = micros / MicrosecondsPerDay;
        return new PgInterval(0, (int)days, micros - (days * MicrosecondsPerDay));
    }
}
