namespace Vnd.Executor.Expressions.Formatting;

/// <summary>
/// What to_char's TZ, OF, TZH and TZM print for one value: the zone's offset at the instant and, only when a template
/// asks for TZ, its abbreviation there. A plain timestamp has no zone: offset 0 and an empty abbreviation.
/// </summary>
internal readonly struct ZoneStamp(Lazy<TimeZoneAbbreviations>? names, long utcSeconds, int offsetSeconds)
{
    public static ZoneStamp None => default;

    public int OffsetSeconds => offsetSeconds;

    public string Abbreviation(bool lower) => names is null ? string.Empty : names.Value.At(utcSeconds, offsetSeconds, lower);
}
