using System.Globalization;

namespace Vnd.Engine.Sessions;

/// <summary>Parsing and printing of setting values the way PostgreSQL's GUC code does.</summary>
public static class SettingValues
{
    private static readonly (string Unit, long Milliseconds)[] Units =
        [("d", 86_400_000), ("h", 3_600_000), ("min", 60_000), ("s", 1000), ("ms", 1)];

    // Memory settings count kilobytes; a bare number is in the setting's block size (8 kB for temp_buffers).
    private static readonly (string Unit, long Kilobytes)[] MemoryUnits =
        [("TB", 1L << 30), ("GB", 1L << 20), ("MB", 1L << 10), ("kB", 1)];

    /// <summary>"5000", "5s", "100 ms", "1min": milliseconds (a bare number is milliseconds).</summary>
    public static bool TryParseMilliseconds(string text, out long milliseconds) => TryParseWithUnit(text, Units, 1, out milliseconds);

    /// <summary>"8MB", "512kB", "1024" (blocks of 8 kB, as temp_buffers takes them): kilobytes.</summary>
    public static bool TryParseKilobytes(string text, out long kilobytes) => TryParseWithUnit(text, MemoryUnits, 8, out kilobytes);

    /// <summary>The largest unit that divides the value exactly: 262144 → "256MB", 0 → "0".</summary>
    public static string FormatKilobytes(long kilobytes) => FormatWithUnit(kilobytes, MemoryUnits, "kB");

    private static bool TryParseWithUnit(string text, (string Unit, long Scale)[] units, long bareScale, out long result)
    {
        var value = text.Trim();
        var end = 0;
        while (end < value.Length && (char.IsAsciiDigit(value[end]) || (end == 0 && value[end] is '-' or '+')))
            end++;
        result = 0;
        if (!long.TryParse(value.AsSpan(0, end), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number < 0)
            return false;
        var unit = value[end..].Trim();
        if (unit.Length == 0)
            return Scale(number, bareScale, out result);
        foreach (var (name, scale) in units)
        {
            if (unit == name)
                return Scale(number, scale, out result);
        }
        return false;
    }

    /// <summary>number × scale, false when it does not fit (a value far too large is invalid, not wrapped).</summary>
    private static bool Scale(long number, long scale, out long result)
    {
        result = number <= long.MaxValue / scale ? number * scale : 0;
        return number <= long.MaxValue / scale;
    }

    /// <summary>The largest unit that divides the value exactly: 5000 → "5s", 90000 → "90s", 0 → "0".</summary>
    public static string FormatMilliseconds(long milliseconds) => FormatWithUnit(milliseconds, Units, "ms");

    private static string FormatWithUnit(long value, (string Unit, long Scale)[] units, string smallest)
    {
        if (value == 0)
            return "0";
        foreach (var (name, scale) in units)
        {
            if (value % scale == 0)
                return (value / scale).ToString(CultureInfo.InvariantCulture) + name;
        }
        return value.ToString(CultureInfo.InvariantCulture) + smallest;
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
