using System.Text.RegularExpressions;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// Rewrites PostgreSQL date/time input that .NET's parser does not read into a form it does: the undelimited date
/// '20240301' (and '240301', yymmdd, with 'T120000' as its time), and a zone name after the time
/// ('2024-01-01 12:00:00 Europe/Berlin', '… UTC', '… CET', '… UTC+3'), which is split off for the caller to apply
/// (timestamptz) or to ignore (timestamp, date), as PostgreSQL's DecodeDateTime does.
/// </summary>
internal static partial class DateTimeInput
{
    /// <summary>
    /// <paramref name="text"/> without its undelimited date and trailing zone name, and the zone that name means
    /// (null when there is none). A name PostgreSQL would look up in the tz database (it has '/', '+', '-' or a digit
    /// after its letters) and that is unknown is 22023, as in PostgreSQL; an unknown all-letter word is left in the
    /// text, for the parser to refuse (22007) as PostgreSQL does.
    /// </summary>
    public static string Normalize(string text, out TimeZoneInfo? zone)
    {
        zone = null;
        var trimmed = text.Trim();
        var undelimited = Undelimited().Match(trimmed);
        if (undelimited.Success)
            trimmed = Delimit(undelimited) + trimmed[undelimited.Length..];
        var space = trimmed.LastIndexOf(' ');
        if (space <= 0 || !char.IsAsciiLetter(trimmed[space + 1]))
            return trimmed;
        var name = trimmed[(space + 1)..];
        var tzDatabaseName = !name.All(char.IsAsciiLetter);
        if (!tzDatabaseName && name.Length == 1)
            return trimmed; // 'Z' (and military letters): .NET reads Z itself
        try
        {
            zone = TimeZoneLookup.ResolveArgument(name);
        }
        catch (ExecutionException) when (!tzDatabaseName)
        {
            return trimmed;
        }
        catch (ExecutionException e)
        {
            throw new ExecutionException(e.SqlState, $"time zone \"{name.ToLowerInvariant()}\" not recognized");
        }
        return trimmed[..space].TrimEnd();
    }

    /// <summary>'20240301' as '2024-03-01', '240301' as '2024-03-01' (years 70–99 are 19xx), a 'T120000' time as 'T12:00:00'.</summary>
    private static string Delimit(Match match)
    {
        var digits = match.Groups["date"].Value;
        var year = digits.Length == 8 ? digits[..4] : (int.Parse(digits[..2]) >= 70 ? "19" : "20") + digits[..2];
        var date = $"{year}-{digits[^4..^2]}-{digits[^2..]}";
        var time = match.Groups["time"];
        if (!time.Success)
            return date;
        var t = time.Value;
        return $"{date} {t[..2]}:{t[2..4]}" + (t.Length == 6 ? ":" + t[4..] : "");
    }

    [GeneratedRegex(@"^(?<date>\d{8}|\d{6})(?:T(?<time>\d{6}|\d{4}))?(?=$|[ .+-])")]
    private static partial Regex Undelimited();
}
