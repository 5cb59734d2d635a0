using System.Buffers.Binary;
using System.Globalization;

namespace Vnd.Executor.Expressions;

/// <summary>
/// The abbreviation a zone uses at an instant (CET, CEST, IST, NST, or a numeric one such as +0545 or -03), read from
/// the system's TZif file for the zone as PostgreSQL reads it for to_char's TZ: .NET's TimeZoneInfo gives offsets but
/// no abbreviations. The transition table answers up to its last transition, the file's POSIX TZ footer after it
/// (matched by offset: its standard name where the instant has the standard offset, else its daylight name). A zone
/// without a readable file (or UTC) gets the numeric form of its offset, as tzdata writes zones without a name.
/// Built once per expression that prints TZ (the file is read then), immutable afterwards, shared by workers.
/// </summary>
internal sealed class TimeZoneAbbreviations
{
    private readonly long[] _transitions = []; // seconds since the epoch, ascending
    private readonly byte[] _typeOf = [];      // the local time type in force from each transition
    private readonly Type[] _types = [];
    private readonly Type? _standard;          // the footer's names, for instants after the last transition
    private readonly Type? _daylight;

    private readonly record struct Type(int Offset, string Upper, string Lower);

    public TimeZoneAbbreviations(TimeZoneInfo zone)
    {
        if (zone == TimeZoneInfo.Utc)
        {
            _types = [new Type(0, "UTC", "utc")];
            return;
        }
        var directory = Environment.GetEnvironmentVariable("TZDIR") is { Length: > 0 } dir ? dir : "/usr/share/zoneinfo";
        byte[] data;
        try
        {
            data = File.ReadAllBytes(Path.Combine(directory, zone.Id));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return; // numeric names from the offsets
        }
        if (!TryParse(data, out _transitions, out _typeOf, out _types, out var footer))
        {
            (_transitions, _typeOf, _types) = ([], [], []);
            return;
        }
        ParseFooter(footer, out _standard, out _daylight);
    }

    /// <summary>The abbreviation at <paramref name="utcSeconds"/>, where the zone's offset is <paramref name="offsetSeconds"/>.</summary>
    public string At(long utcSeconds, int offsetSeconds, bool lower)
    {
        if (_types.Length == 0)
            return Numeric(offsetSeconds);
        if (_transitions.Length > 0 && utcSeconds >= _transitions[^1] && _standard is { } standard)
        {
            var footer = offsetSeconds == standard.Offset || _daylight is null ? standard : _daylight.Value;
            return lower ? footer.Lower : footer.Upper;
        }
        var index = Array.BinarySearch(_transitions, utcSeconds);
        if (index < 0)
            index = ~index - 1;
        // Before the first transition: the first type, as RFC 8536 (and PostgreSQL's localtime) read it.
        var type = index < 0 ? _types[0] : _types[_typeOf[index]];
        return lower ? type.Lower : type.Upper;
    }

    /// <summary>tzdata's name for a zone without one: +01, -03, +0545.</summary>
    private static string Numeric(int offsetSeconds)
    {
        var magnitude = Math.Abs(offsetSeconds);
        var hours = magnitude / 3600;
        var minutes = magnitude % 3600 / 60;
        var sign = offsetSeconds < 0 ? '-' : '+';
        return minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{sign}{hours:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{sign}{hours:00}{minutes:00}");
    }

    /// <summary>RFC 8536: the version 2+ (64-bit) data block when there is one, else version 1's.</summary>
    private static bool TryParse(byte[] data, out long[] transitions, out byte[] typeOf, out Type[] types, out string footer)
    {
        (transitions, typeOf, types, footer) = ([], [], [], "");
        if (data.Length < 44 || data[0] != 'T' || data[1] != 'Z' || data[2] != 'i' || data[3] != 'f')
            return false;
        var wide = data[4] >= '2';
        var at = 0;
        if (wide)
        {
            // Skip the version 1 block to the second header.
            if (!Counts(data, 0, out var c1))
                return false;
            at = 44 + (c1.Times * 5) + (c1.Types * 6) + c1.Chars + (c1.Leaps * 8) + c1.Std + c1.Ut;
        }
        if (!Counts(data, at, out var c))
            return false;
        var timeSize = wide ? 8 : 4;
        var p = at + 44;
        var end = p + (c.Times * (timeSize + 1)) + (c.Types * 6) + c.Chars + (c.Leaps * (timeSize + 4)) + c.Std + c.Ut;
        if (c.Types == 0 || end > data.Length)
            return false;
        transitions = new long[c.Times];
        for (var i = 0; i < c.Times; i++, p += timeSize)
            transitions[i] = wide ? BinaryPrimitives.ReadInt64BigEndian(data.AsSpan(p)) : BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(p));
        typeOf = data.AsSpan(p, c.Times).ToArray();
        p += c.Times;
        var chars = data.AsSpan(p + (c.Types * 6), c.Chars);
        types = new Type[c.Types];
        for (var i = 0; i < c.Types; i++, p += 6)
        {
            var offset = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(p));
            var nameAt = data[p + 5];
            if (nameAt >= chars.Length)
                return false;
            var length = chars[nameAt..].IndexOf((byte)0);
            var name = System.Text.Encoding.ASCII.GetString(length < 0 ? chars[nameAt..] : chars.Slice(nameAt, length));
            types[i] = new Type(offset, name, name.ToLowerInvariant());
        }
        foreach (var index in typeOf)
        {
            if (index >= c.Types)
                return false;
        }
        if (wide && end < data.Length && data[end] == '\n')
        {
            var close = Array.IndexOf(data, (byte)'\n', end + 1);
            if (close > end)
                footer = System.Text.Encoding.ASCII.GetString(data, end + 1, close - end - 1);
        }
        return true;
    }

    private readonly record struct Header(int Ut, int Std, int Leaps, int Times, int Types, int Chars);

    private static bool Counts(byte[] data, int at, out Header header)
    {
        header = default;
        if (at + 44 > data.Length)
            return false;
        int Read(int k) => BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(at + 20 + (4 * k)));
        header = new Header(Read(0), Read(1), Read(2), Read(3), Read(4), Read(5));
        return header.Ut >= 0 && header.Std >= 0 && header.Leaps >= 0 && header.Times >= 0 && header.Types >= 0 && header.Chars >= 0;
    }

    /// <summary>
    /// A POSIX TZ string's names and standard offset: "CET-1CEST,M3.5.0,M10.5.0/3", "&lt;+0545&gt;-5:45", "IST-1GMT0,…"
    /// (the offset is west of Greenwich, so its sign is the opposite of the UTC offset's).
    /// </summary>
    private static void ParseFooter(string footer, out Type? standard, out Type? daylight)
    {
        (standard, daylight) = (null, null);
        var i = 0;
        if (Name(footer, ref i) is not { } std || Offset(footer, ref i) is not { } west)
            return;
        standard = new Type(-west, std, std.ToLowerInvariant());
        if (Name(footer, ref i) is { } dst)
            daylight = new Type(0, dst, dst.ToLowerInvariant()); // its offset is not needed: any other than standard's
    }

    private static string? Name(string s, ref int i)
    {
        var start = i;
        if (i < s.Length && s[i] == '<')
        {
            var close = s.IndexOf('>', i);
            if (close < 0)
                return null;
            i = close + 1;
            return s[(start + 1)..close];
        }
        while (i < s.Length && char.IsAsciiLetter(s[i]))
            i++;
        return i - start >= 3 ? s[start..i] : null;
    }

    private static int? Offset(string s, ref int i)
    {
        var sign = 1;
        if (i < s.Length && s[i] is '+' or '-')
            sign = s[i++] == '-' ? -1 : 1;
        int? seconds = null;
        var unit = 3600;
        while (unit >= 1)
        {
            var start = i;
            var value = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
                value = (value * 10) + (s[i++] - '0');
            if (i == start)
                break;
            seconds = (seconds ?? 0) + (value * unit);
            if (i >= s.Length || s[i] != ':')
                break;
            i++;
            unit /= 60;
        }
        return seconds * sign;
    }
}
