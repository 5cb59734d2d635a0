using System.Globalization;

namespace Vnd.Executor.Expressions.Formatting;

/// <summary>
/// A to_char template for timestamps, compiled once: PostgreSQL's template patterns (HH24, MI, SS, MS, US, FF1–6,
/// YYYY, MM, Mon, Month, DD, Day, Dy, DDD, D, ID, IW, IYYY, WW, W, Q, CC, J, RM, AM/PM, TZ, OF, …) matched longest
/// first and case-sensitively as PostgreSQL's keyword table does, the FM prefix (no padding), the TH/th suffix
/// (ordinals), "quoted" literal text and backslash-escaped quotes; everything else is copied as it is.
/// </summary>
internal sealed partial class DateTimeTemplate
{
    private static readonly string[] Keywords =
    [
        "A.D.", "A.M.", "AD", "AM", "B.C.", "BC", "CC", "DAY", "DDD", "DD", "DY", "Day", "Dy", "D", "FF1", "FF2", "FF3", "FF4", "FF5", "FF6",
        "FX", "HH24", "HH12", "HH", "IDDD", "ID", "IW", "IYYY", "IYY", "IY", "I", "J", "MI", "MM", "MONTH", "MON", "MS", "Month", "Mon",
        "OF", "P.M.", "PM", "Q", "RM", "SSSSS", "SSSS", "SS", "TZH", "TZM", "TZ", "US", "WW", "W", "Y,YYY", "YYYY", "YYY", "YY", "Y",
        "a.d.", "a.m.", "ad", "am", "b.c.", "bc", "cc", "day", "ddd", "dd", "dy", "d", "ff1", "ff2", "ff3", "ff4", "ff5", "ff6", "fx",
        "hh24", "hh12", "hh", "iddd", "id", "iw", "iyyy", "iyy", "iy", "i", "j", "mi", "mm", "month", "mon", "ms", "of", "p.m.", "pm",
        "q", "rm", "sssss", "ssss", "ss", "tzh", "tzm", "tz", "us", "ww", "w", "y,yyy", "yyyy", "yyy", "yy", "y",
    ];

    private static readonly string[] RomanMonths = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    private readonly Node[] _nodes;

    private DateTimeTemplate(Node[] nodes) => _nodes = nodes;

    private readonly record struct Node(string? Keyword, string? Literal, bool FillMode, Ordinal Suffix);

    private enum Ordinal : byte { None, Upper, Lower }

    public static DateTimeTemplate Compile(string template)
    {
        var nodes = new List<Node>();
        var literal = new System.Text.StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var fill = false;
            var start = i;
            while (i + 1 < template.Length && (template.AsSpan(i).StartsWith("FM") || template.AsSpan(i).StartsWith("fm")
                || template.AsSpan(i).StartsWith("TM") || template.AsSpan(i).StartsWith("tm")))
            {
                fill |= template[i] is 'F' or 'f';
                i += 2;
            }
            if (Match(template, i) is { } keyword)
            {
                Flush(nodes, literal);
                i += keyword.Length;
                var suffix = Ordinal.None;
                if (template.AsSpan(i).StartsWith("TH"))
                    suffix = Ordinal.Upper;
                else if (template.AsSpan(i).StartsWith("th"))
                    suffix = Ordinal.Lower;
                if (suffix != Ordinal.None)
                    i += 2;
                nodes.Add(new Node(keyword, null, fill, suffix));
                continue;
            }
            i = start;
            var c = template[i];
            if (c == '"')
            {
                i++;
                while (i < template.Length && template[i] != '"')
                {
                    if (template[i] == '\\' && i + 1 < template.Length)
                        i++;
                    literal.Append(template[i++]);
                }
                i++;
            }
            else if (c == '\\' && i + 1 < template.Length && template[i + 1] == '"')
            {
                literal.Append('"');
                i += 2;
            }
            else
            {
                literal.Append(c);
                i++;
            }
        }
        Flush(nodes, literal);
        return new DateTimeTemplate([.. nodes]);
    }

    /// <summary>Formats a wall-clock time (the instant already shifted into <paramref name="zone"/>).</summary>
    public void Format(DateTime t, long microsecond, in ZoneStamp zone, System.Text.StringBuilder output)
    {
        foreach (var node in _nodes)
        {
            if (node.Literal is { } text)
            {
                output.Append(text);
                continue;
            }
            var keyword = node.Keyword!;
            if (Number(keyword, t, microsecond) is var (value, width))
            {
                var digits = value.ToString(CultureInfo.InvariantCulture);
                if (!node.FillMode)
                    output.Append('0', Math.Max(0, width - digits.Length));
                output.Append(digits);
                if (node.Suffix != Ordinal.None)
                    output.Append(node.Suffix == Ordinal.Upper ? OrdinalSuffix(value).ToUpperInvariant() : OrdinalSuffix(value));
                continue;
            }
            if (keyword is "TZ" or "tz" or "OF" or "of" or "TZH" or "tzh" or "TZM" or "tzm")
                Zone(keyword, zone, node.FillMode, output);
            else
                output.Append(Word(keyword, t, node.FillMode));
        }
    }

    private static (long Value, int Width)? Number(string keyword, DateTime t, long micro)
    {
        return keyword.ToUpperInvariant() switch
        {
            "HH" or "HH12" => ((t.Hour % 12) == 0 ? 12 : t.Hour % 12, 2),
            "HH24" => (t.Hour, 2),
            "MI" => (t.Minute, 2),
            "SS" => (t.Second, 2),
            "MS" => (micro / 1000, 3),
            "US" => (micro, 6),
            ['F', 'F', var n] => (micro / Pow10(6 - (n - '0')), n - '0'),
            "SSSS" or "SSSSS" => ((t.Hour * 3600) + (t.Minute * 60) + t.Second, 0),
            "YYYY" => (t.Year, 4),
            "YYY" => (t.Year % 1000, 3),
            "YY" => (t.Year % 100, 2),
            "Y" => (t.Year % 10, 1),
            "IYYY" => (ISOWeek.GetYear(t), 4),
            "IYY" => (ISOWeek.GetYear(t) % 1000, 3),
            "IY" => (ISOWeek.GetYear(t) % 100, 2),
            "I" => (ISOWeek.GetYear(t) % 10, 1),
            "MM" => (t.Month, 2),
            "DDD" => (t.DayOfYear, 3),
            "IDDD" => (((ISOWeek.GetWeekOfYear(t) - 1) * 7) + IsoDayOfWeek(t), 3),
            "DD" => (t.Day, 2),
            "D" => ((int)t.DayOfWeek + 1, 0),
            "ID" => (IsoDayOfWeek(t), 0),
            "W" => (((t.Day - 1) / 7) + 1, 0),
            "WW" => (((t.DayOfYear - 1) / 7) + 1, 2),
            "IW" => (ISOWeek.GetWeekOfYear(t), 2),
            "CC" => (((t.Year - 1) / 100) + 1, 2),
            "J" => (DateOnly.FromDateTime(t).DayNumber + 1_721_426L, 0),
            "Q" => (((t.Month - 1) / 3) + 1, 0),
            _ => null,
        };
    }

    /// <summary>
    /// TZ/tz: the zone's abbreviation (empty for a plain timestamp); OF: ±hh, with :mm when the offset has minutes
    /// (FM drops the hours' padding); TZH: ±hh; TZM: mm — as DCH_TZ, DCH_OF, DCH_TZH and DCH_TZM print them (no FM or TH
    /// for the last two). A plain timestamp prints offset +00.
    /// </summary>
    private static void Zone(string keyword, in ZoneStamp zone, bool fill, System.Text.StringBuilder output)
    {
        var magnitude = Math.Abs(zone.OffsetSeconds);
        var hours = magnitude / 3600;
        var minutes = magnitude % 3600 / 60;
        var sign = zone.OffsetSeconds >= 0 ? '+' : '-';
        switch (keyword)
        {
            case "TZ" or "tz":
                output.Append(zone.Abbreviation(lower: keyword == "tz"));
                break;
            case "OF" or "of":
                output.Append(sign);
                if (fill && hours < 10)
                    output.Append((char)('0' + hours));
                else
                    TwoDigits(hours, output);
                if (minutes != 0)
                    TwoDigits(minutes, output.Append(':'));
                break;
            case "TZH" or "tzh":
                TwoDigits(hours, output.Append(sign));
                break;
            default:
                TwoDigits(minutes, output);
                break;
        }
    }

    /// <summary>Hours and minutes of an offset (below 100), without a formatted string a row.</summary>
    private static void TwoDigits(int value, System.Text.StringBuilder output) =>
        output.Append((char)('0' + (value / 10))).Append((char)('0' + (value % 10)));

    private static string Word(string keyword, DateTime t, bool fill)
    {
        var pm = t.Hour >= 12;
        string Pad(string s) => fill ? s : s.PadRight(9);
        var month = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(t.Month);
        var day = CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(t.DayOfWeek);
        return keyword switch
        {
            "AM" or "PM" => pm ? "PM" : "AM",
            "am" or "pm" => pm ? "pm" : "am",
            "A.M." or "P.M." => pm ? "P.M." : "A.M.",
            "a.m." or "p.m." => pm ? "p.m." : "a.m.",
            "AD" or "BC" => "AD",
            "ad" or "bc" => "ad",
            "A.D." or "B.C." => "A.D.",
            "a.d." or "b.c." => "a.d.",
            "MONTH" => Pad(month.ToUpperInvariant()),
            "Month" => Pad(month),
            "month" => Pad(month.ToLowerInvariant()),
            "MON" => month[..3].ToUpperInvariant(),
            "Mon" => month[..3],
            "mon" => month[..3].ToLowerInvariant(),
            "DAY" => Pad(day.ToUpperInvariant()),
            "Day" => Pad(day),
            "day" => Pad(day.ToLowerInvariant()),
            "DY" => day[..3].ToUpperInvariant(),
            "Dy" => day[..3],
            "dy" => day[..3].ToLowerInvariant(),
            "RM" => fill ? RomanMonths[t.Month - 1] : RomanMonths[t.Month - 1].PadRight(4),
            "rm" => fill ? RomanMonths[t.Month - 1].ToLowerInvariant() : RomanMonths[t.Month - 1].ToLowerInvariant().PadRight(4),
            "Y,YYY" or "y,yyy" => string.Create(CultureInfo.InvariantCulture, $"{t.Year / 1000},{t.Year % 1000:000}"),
            _ => string.Empty, // FX: a to_timestamp modifier, nothing to print
        };
    }

    private static int IsoDayOfWeek(DateTime t) => t.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)t.DayOfWeek;

    private static long Pow10(int n)
    {
        long p = 1;
        for (var k = 0; k < n; k++)
            p *= 10;
        return p;
    }

    private static string OrdinalSuffix(long n) => (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch
    {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    };

    private static string? Match(string template, int at)
    {
        foreach (var keyword in Keywords)
        {
            if (template.AsSpan(at).StartsWith(keyword, StringComparison.Ordinal))
                return keyword;
        }
        return null;
    }

    private static void Flush(List<Node> nodes, System.Text.StringBuilder literal)
    {
        if (literal.Length == 0)
            return;
        nodes.Add(new Node(null, literal.ToString(), false, Ordinal.None));
        literal.Clear();
    }
}
