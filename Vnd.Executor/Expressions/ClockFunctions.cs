using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// now()/current_timestamp and make_interval. now() is read once when the plan is built, so every row of a
/// statement sees the same instant, as PostgreSQL's transaction timestamp does for a single-statement transaction.
/// </summary>
internal static class ClockFunctions
{
    private static readonly SqlType[] MakeIntervalTypes =
        [SqlType.Int4, SqlType.Int4, SqlType.Int4, SqlType.Int4, SqlType.Int4, SqlType.Int4, SqlType.Float8];

    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        switch (name)
        {
            case "now" or "current_timestamp" or "transaction_timestamp" or "statement_timestamp" when a.Count == 0:
                return Expr.Constant(SpecialDateTimes.Clock(), SqlType.TimestampTz);
            case "make_interval" when a.Count <= 7:
                var args = a.Select((x, i) => TypeUnification.To(x, MakeIntervalTypes[i])).ToArray();
                return new FunctionExpression(name, SqlType.Interval, args, (values, r, rows) => RowKernel.Each(values, r, rows, MakeInterval));
            default:
                return null;
        }
    }

    /// <summary>make_interval(years, months, weeks, days, hours, mins, secs); missing trailing arguments are 0.</summary>
    private static void MakeInterval(ReadOnlySpan<Vector> args, Vector result, int row)
    {
        Span<int> parts = stackalloc int[6];
        for (var k = 0; k < parts.Length && k < args.Length; k++)
            parts[k] = args[k].Get<int>(row);
        var seconds = args.Length > 6 ? args[6].Get<double>(row) : 0;
        try
        {
            var months = checked((parts[0] * 12) + parts[1]);
            var days = checked((parts[2] * 7) + parts[3]);
            var micros = checked((parts[4] * 3_600_000_000L) + (parts[5] * 60_000_000L) + (long)Math.Round(seconds * 1e6));
            result.Set(row, new PgInterval(months, days, micros));
        }
        catch (OverflowException)
        {
            throw ExecutionErrors.OutOfRangeException(SqlType.Interval);
        }
    }
}
