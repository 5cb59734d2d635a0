using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// The special inputs of PostgreSQL's date, timestamp and timestamptz types: 'epoch', 'now', 'today', 'tomorrow'
/// and 'yesterday' (case-insensitive, whole value only). 'now' is the clock when the value is converted (for a
/// literal, when the plan is built): close to, but not the same instant as, the statement time now() returns, which
/// PostgreSQL would give for both; days start at midnight UTC, VND's session time zone for all computation. VND stores no infinite dates or timestamps, so 'infinity' and '-infinity' fail with
/// 0A000 instead of becoming a wrong finite value.
/// </summary>
internal static class SpecialDateTimes
{
    public static bool TryParse(string text, TypeId to, out object value)
    {
        value = null!;
        if (text.Length is < 3 or > 9 || text[0] is >= '0' and <= '9')
            return false;
        var now = DateTime.UtcNow;
        DateTime? instant = text.ToLowerInvariant() switch
        {
            "epoch" => DateTime.UnixEpoch,
            "now" => new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc),
            "today" => now.Date,
            "tomorrow" => now.Date.AddDays(1),
            "yesterday" => now.Date.AddDays(-1),
            "infinity" or "+infinity" or "-infinity" => throw new ExecutionException(SqlState.FeatureNotSupported,
                $"infinite values of type {(to == TypeId.Date ? "date" : "timestamp")} are not supported: \"{text}\""),
            _ => null,
        };
        if (instant is not { } t)
            return false;
        value = to == TypeId.Date ? DateOnly.FromDateTime(t) : DateTime.SpecifyKind(t, DateTimeKind.Utc);
        return true;
    }
}
