using System.Globalization;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions.Formatting;

/// <summary>
/// The reading side of a template (to_timestamp(text, template), to_date(text, template)), following PostgreSQL's
/// non-FX rules: spaces before a field are skipped; a separator in the template consumes one separator of the
/// input (or none when the input has a letter or digit there); a numeric field followed by another field reads
/// exactly its width (YYYYMMDD), otherwise every digit there is; MS, US and FFn count the digits read (".12" with
/// MS is 120 ms); trailing input is ignored. Field values out of range are 22008, text that doesn't fit its field
/// 22007, as PostgreSQL reports them.
/// </summary>
internal sealed partial class DateTimeTemplate
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];
    private static readonly string[] DayNames = CultureInfo.InvariantCulture.DateTimeFormat.DayNames;

    /// <summary>Microseconds since the Unix epoch (UTC, shifted by TZH/TZM when given) of <paramref name="input"/>.</summary>
    public long ParseMicros(string input)
    {
        var fields = ReadFields(input);
        var day = fields.DayNumber(input) - EpochDayNumber;
        var time = fields.TimeOfDayMicros(input);
        return (day * 86_400_000_000L) + time - (fields.OffsetSeconds * 1_000_000L);
    }

    /// <summary>Days since the Unix epoch of the date <paramref name="input"/> names (time fields are read and dropped).</summary>
    public int ParseDays(string input)
    {
        var fields = ReadFields(input);
        return checked((int)(fields.DayNumber(input) - EpochDayNumber));
    }

    private static readonly long EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    private ParsedFields ReadFields(string input)
    {
        var fields = new ParsedFields();
        var at = 0;
        for (var n = 0; n < _nodes.Length; n++)
        {
            var node = _nodes[n];
            if (node.Literal is { } literal)
            {
                at = SkipLiteral(input, at, literal);
                continue;
            }
            var keyword = node.Keyword!;
            if (keyword is "FX" or "fx")
                continue;
            while (at < input.Length && char.IsWhiteSpace(input[at]))
                at++;
            if (at >= input.Length)
                break;
            var upper = keyword.ToUpperInvariant();
            if (ReadWord(upper, input, ref at, fields))
                continue;
            var width = FieldWidth(upper);
            var bounded = !node.FillMode && n + 1 < _nodes.Length && _nodes[n + 1].Keyword is { } next && next is not ("FX" or "fx") && width > 0;
            var (value, digits) = ReadNumber(input, ref at, bounded ? width : int.MaxValue, keyword, upper is "TZH");
            fields.Set(upper, value, digits);
        }
        return fields;
    }

    /// <summary>A template separator consumes one input separator; a space any run of spaces; a letter or digit one character.</summary>
    private static int SkipLiteral(string input, int at, string literal)
    {
        foreach (var c in literal)
        {
            if (at >= input.Length)
                return at;
            if (char.IsWhiteSpace(c))
            {
                while (at < input.Length && char.IsWhiteSpace(input[at]))
                    at++;
            }
            else if (char.IsLetterOrDigit(c))
            {
                at++;
            }
            else if (!char.IsLetterOrDigit(input[at]))
            {
                at++;
            }
        }
        return at;
    }

    private static int FieldWidth(string keyword) => keyword switch
    {
        "YYYY" or "IYYY" => 4,
        "YYY" or "IYY" or "DDD" or "IDDD" or "MS" => 3,
        "US" => 6,
        ['F', 'F', var d] => d - '0',
        "Y" or "I" or "D" or "ID" or "Q" or "W" => 1,
        "SSSS" or "SSSSS" or "J" => 0,
        _ => 2,
    };

    private static (long Value, int Digits) ReadNumber(string input, ref int at, int max, string keyword, bool signed)
    {
        var negative = false;
        if (signed && at < input.Length && input[at] is '+' or '-')
            negative = input[at++] == '-';
        long value = 0;
        var digits = 0;
        while (at < input.Length && digits < max && char.IsAsciiDigit(input[at]))
        {
            if (digits >= 18)
                throw new ExecutionException(SqlState.DatetimeFieldOverflow, $"value for \"{keyword}\" in source string is out of range");
            value = (value * 10) + (input[at++] - '0');
            digits++;
        }
        if (digits == 0)
        {
            var rest = input[at..];
            throw new ExecutionException(SqlState.InvalidDatetimeFormat,
                $"invalid value \"{rest[..Math.Min(rest.Length, keyword.Length)]}\" for \"{keyword}\"");
        }
        return (negative ? -value : value, digits);
    }

    /// <summary>Month and day names, meridiem and era markers; false for numeric fields.</summary>
    private static bool ReadWord(string keyword, string input, ref int at, ParsedFields fields)
    {
        switch (keyword)
        {
            case "MONTH" or "MON":
                fields.Month = 1 + Name(input, ref at, MonthNames, keyword == "MON", keyword);
                return true;
            case "DAY" or "DY":
                Name(input, ref at, DayNames, keyword == "DY", keyword);
                return true;
            case "AM" or "PM" or "A.M." or "P.M.":
            {
                var dotted = keyword.Length == 4;
                var text = input.AsSpan(at, Math.Min(input.Length - at, dotted ? 4 : 2));
                var pm = text.Equals(dotted ? "P.M." : "PM", StringComparison.OrdinalIgnoreCase);
                if (!pm && !text.Equals(dotted ? "A.M." : "AM", StringComparison.OrdinalIgnoreCase))
                    throw new ExecutionException(SqlState.InvalidDatetimeFormat, $"invalid value \"{text}\" for \"{keyword}\"");
                fields.Meridiem = pm ? 2 : 1;
                at += text.Length;
                return true;
            }
            case "AD" or "BC" or "A.D." or "B.C.":
            {
                var dotted = keyword.Length == 4;
                var text = input.AsSpan(at, Math.Min(input.Length - at, dotted ? 4 : 2));
                if (text.Equals(dotted ? "B.C." : "BC", StringComparison.OrdinalIgnoreCase))
                    throw new ExecutionException(SqlState.DatetimeFieldOverflow, "dates before 0001-01-01 are not supported");
                if (!text.Equals(dotted ? "A.D." : "AD", StringComparison.OrdinalIgnoreCase))
                    throw new ExecutionException(SqlState.InvalidDatetimeFormat, $"invalid value \"{text}\" for \"{keyword}\"");
                at += text.Length;
                return true;
            }
            case "TZ" or "OF" or "RM" or "Y,YYY":
                throw new ExecutionException(SqlState.FeatureNotSupported, $"formatting field \"{keyword}\" is only supported in to_char");
            default:
                return false;
        }
    }

    private static int Name(string input, ref int at, string[] names, bool abbreviated, string keyword)
    {
        for (var k = 0; k < names.Length; k++)
        {
            var name = abbreviated ? names[k][..3] : names[k];
            if (input.AsSpan(at).StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                at += name.Length;
                return k;
            }
        }
        var rest = input[at..];
        throw new ExecutionException(SqlState.InvalidDatetimeFormat, $"invalid value \"{rest[..Math.Min(rest.Length, abbreviated ? 3 : 9)]}\" for \"{keyword}\"");
    }
}
