using System.Globalization;

namespace Vnd.Engine.Sessions;

/// <summary>Parsing and printing of setting values the way PostgreSQL's GUC code does.</summary>
public static class SettingValues
{
    private static readonly (string Unit, long Milliseconds)[] Units =
        [("d", 86_400_000), ("h", 3_600_000), ("min", 60_000), ("s", 1000), ("ms", 1)];

    /// <summary>"5000", "5s", "100 ms", "1min": milliseconds (a bare number is milliseconds).</summary>
    public static bool TryParseMilliseconds(string text, out long milliseconds)
    {
        var value = text.Trim();
        var end = 0;
        while (end < value.Length && (char.IsAsciiDigit(value[end]) || (end == 0 && value[end] is '-' or '+')))
            end++;
        milliseconds = 0;
        if (!long.TryParse(value.AsSpan(0, end), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number < 0)
            return false;
        var unit = value[end..].Trim();
        if (unit.Length == 0)
        {
            milliseconds = number;
            return true;
        }
        foreach (var (name, scale) in Units)
        {
            if (unit == name)
            {
                milliseconds = number * scale;
                return true;
            }
        }
        return false;
    }

    /// <summary>The largest unit that divides the value exactly: 5000 → "5s", 90000 → "90s", 0 → "0".</summary>
    public static string FormatMilliseconds(long milliseconds)
    {
        if (milliseconds == 0)
            return "0";
        foreach (var (name, scale) in Units)
        {
            if (milliseconds % scale == 0)
                return (milliseconds / scale).ToString(CultureInfo.InvariantCulture) + name;
        }
        return milliseconds.ToString(CultureInfo.InvariantCulture) + "ms";
    }

    /// <summary>DateStyle: VND prints ISO only; the field order part is kept. Null when the style is not ISO.</summary>
    public static string? DateStyle(string value)
    {
        var output = "ISO";
        var order = "MDY";
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part.ToUpperInvariant())
            {
                case "ISO": output = "ISO"; break;
                case "MDY" or "US" or "NONEURO" or "NONEUROPEAN": order = "MDY"; break;
                case "DMY" or "EURO" or "EUROPEAN": order = "DMY"; break;
                case "YMD": order = "YMD"; break;
                default: return null;
            }
        }
        return output + ", " + order;
    }

    /// <summary>A list setting (search_path) split into names, quotes removed.</summary>
    public static IReadOnlyList<string> SplitList(string value)
    {
        var names = new List<string>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            names.Add(part.Length >= 2 && part[0] == '"' && part[^1] == '"' ? part[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : part.ToLowerInvariant());
        return names;
    }
}
