using System.Globalization;
using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions.Formatting;

/// <summary>
/// to_char(interval, template) (and time, which PostgreSQL casts to interval): the interval's fields as
/// interval2tm splits them — years and months from its months, days, then hours (not wrapped at 24), minutes,
/// seconds and the fraction. Patterns tied to the calendar (names of days and months, AM/PM, weeks, zones) are
/// 22007 as PostgreSQL's "invalid format specification for an interval value".
/// </summary>
internal sealed partial class DateTimeTemplate
{
    public void FormatInterval(PgInterval interval, System.Text.StringBuilder output)
    {
        long years = interval.Months / 12, months = interval.Months % 12, days = interval.Days;
        var micros = interval.Micros;
        long hours = micros / 3_600_000_000L, minutes = micros / 60_000_000L % 60, seconds = micros / 1_000_000L % 60;
        var fraction = Math.Abs(micros % 1_000_000L);
        foreach (var node in _nodes)
        {
            if (node.Literal is { } text)
            {
                output.Append(text);
                continue;
            }
            (long Value, int Width)? number = node.Keyword!.ToUpperInvariant() switch
            {
                "HH" or "HH12" => (hours % 12 == 0 ? 12 : hours % 12, 2),
                "HH24" => (hours, 2),
                "MI" => (minutes, 2),
                "SS" => (seconds, 2),
                "MS" => (fraction / 1000, 3),
                "US" => (fraction, 6),
                ['F', 'F', var n] => (fraction / Pow10(6 - (n - '0')), n - '0'),
                "SSSS" or "SSSSS" => ((hours * 3600) + (minutes * 60) + seconds, 0),
                "YYYY" => (years, 4),
                "YYY" => (years % 1000, 3),
                "YY" => (years % 100, 2),
                "Y" => (years % 10, 1),
                "MM" => (months, 2),
                "DD" => (days, 2),
                "DDD" => ((((years * 12) + months) * 30) + days, 3),
                "FX" => null,
                _ => throw new ExecutionException(SqlState.InvalidDatetimeFormat, "invalid format specification for an interval value"),
            };
            if (number is not var (value, width))
                continue;
            // A negative field takes one more digit's width, as PostgreSQL's "%0*d" with width + 1 does.
            var digits = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
            if (value < 0)
                output.Append('-');
            if (!node.FillMode)
                output.Append('0', Math.Max(0, width - digits.Length));
            output.Append(digits);
            if (node.Suffix != Ordinal.None)
                output.Append(node.Suffix == Ordinal.Upper ? OrdinalSuffix(value).ToUpperInvariant() : OrdinalSuffix(value));
        }
    }
}
