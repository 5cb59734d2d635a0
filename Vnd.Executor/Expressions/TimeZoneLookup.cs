using System.Text;
using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// Resolves the time zone names that AT TIME ZONE, date_trunc and make_timestamptz take (PostgreSQL's fixed
/// abbreviations, IANA names from the system's tzdata plus UTC/GMT/Z, POSIX-style offsets: <see cref="TimeZoneNames"/>),
/// remembering the previous row's name since a call nearly always names one zone. An unknown name is 22023
/// "time zone … not recognized", as in PostgreSQL.
/// </summary>
internal sealed class TimeZoneLookup
{
    // Name and rules in one reference, read and replaced whole: the calling expression is shared by the parallel
    // workers, and two fields could pair one worker's name with another's zone.
    private Last _last = new([], new ZoneRules(TimeZoneInfo.Utc));

    public ZoneRules Find(ReadOnlySpan<byte> utf8Name)
    {
        var last = _last;
        if (utf8Name.SequenceEqual(last.Name))
            return last.Zone;
        var rules = new ZoneRules(ResolveArgument(Encoding.UTF8.GetString(utf8Name)));
        _last = new Last(utf8Name.ToArray(), rules);
        return rules;
    }

    /// <summary>The zone <paramref name="name"/> names (UTC and its aliases, else the system's tzdata), or 22023.</summary>
    public static TimeZoneInfo Resolve(string name) =>
        Known(name) ?? throw new ExecutionException(SqlState.InvalidParameterValue, $"time zone \"{name}\" not recognized");

    private static TimeZoneInfo? Known(string name) =>
        name.ToUpperInvariant() is "UTC" or "GMT" or "Z" or "ZULU" or "UCT" or "UNIVERSAL"
            ? TimeZoneInfo.Utc
            : TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : null;

    /// <summary>
    /// The zone an expression's zone argument names, looked up in PostgreSQL's order (timestamptz_zone): an
    /// abbreviation of the Default set (a fixed offset), the tz database, then a POSIX-style fixed offset; else 22023.
    /// The session's TimeZone is <see cref="Resolve"/>'s: SET takes no abbreviations.
    /// </summary>
    public static TimeZoneInfo ResolveArgument(string name)
    {
        if (TimeZoneNames.Abbreviation(name) is { } abbreviation)
            return Fixed(name, abbreviation);
        if ((Known(name) ?? IgnoringCase(name)) is { } zone)
            return zone;
        return TimeZoneNames.PosixOffset(name) is { } posix ? Fixed(name, posix) : Resolve(name);
    }

    /// <summary>
    /// PostgreSQL finds tz database names in any case ('europe/berlin'); the system's lookup is a file name, exact on
    /// Linux, so a miss is retried against the system's list (read once by .NET and cached).
    /// </summary>
    private static TimeZoneInfo? IgnoringCase(string name)
    {
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones())
        {
            if (string.Equals(zone.Id, name, StringComparison.OrdinalIgnoreCase))
                return zone;
        }
        return null;
    }

    /// <summary>A zone that is always <paramref name="seconds"/> east of UTC (.NET's limit is ±14 hours: beyond it, 22023).</summary>
    private static TimeZoneInfo Fixed(string name, int seconds)
    {
        if (seconds == 0)
            return TimeZoneInfo.Utc;
        var offset = TimeSpan.FromSeconds(seconds);
        if (offset.Duration() > TimeSpan.FromHours(14) || offset.Seconds != 0)
            throw new ExecutionException(SqlState.InvalidParameterValue, $"time zone \"{name}\" not recognized");
        return TimeZoneInfo.CreateCustomTimeZone(name, offset, name, name);
    }

    private sealed record Last(byte[] Name, ZoneRules Zone);

    /// <summary>Offsets of one zone between UTC instants and its wall-clock times, in microseconds since the epoch.</summary>
    public sealed class ZoneRules(TimeZoneInfo zone)
    {
        private const long TicksPerMicro = 10;

        /// <summary>An infinite timestamp is infinite in every zone.</summary>
        public long UtcToLocalMicros(long utc) => TemporalInfinity.IsTimestamp(utc)
            ? utc
            : utc + (zone.GetUtcOffset(TimeUnits.MicrosToDateTime(utc, DateTimeKind.Utc)).Ticks / TicksPerMicro);

        /// <summary>A wall-clock time the zone skips (spring forward) reads with the offset in force before the gap, and
        /// one it repeats (fall back) as standard time, both as PostgreSQL does.</summary>
        public long LocalToUtcMicros(long local)
        {
            if (TemporalInfinity.IsTimestamp(local))
                return local;
            var wallClock = TimeUnits.MicrosToDateTime(local, DateTimeKind.Unspecified);
            var offset = zone.IsInvalidTime(wallClock) ? zone.GetUtcOffset(wallClock.AddHours(-3)) : zone.GetUtcOffset(wallClock);
            return local - (offset.Ticks / TicksPerMicro);
        }
    }
}
