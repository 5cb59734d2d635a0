using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// The special inputs of PostgreSQL's date, timestamp and timestamptz types: 'epoch', 'now', 'today', 'tomorrow'
/// and 'yesterday' (case-insensitive, whole value only). 'now' is the instant the caller passes: the statement's
/// (the transaction's inside a block), the one now() returns, so now() = 'now'::timestamptz as in PostgreSQL, where
/// both are the transaction start. Days start at midnight UTC, VND's session time zone for all computation.
/// 'infinity' and '-infinity' are PostgreSQL's infinite values (<see cref="TemporalInfinity"/>).
/// </summary>
internal static class SpecialDateTimes
{
    /// <summary>The clock to the microsecond (PostgreSQL's resolution), for a conversion made outside any statement.</summary>
    public static DateTime Clock() => Clock(TimeProvider.System);

    /// <summary><paramref name="clock"/>'s time to the microsecond.</summary>
    public static DateTime Clock(TimeProvider clock) => new(clock.GetUtcNow().UtcTicks / 10 * 10, DateTimeKind.Utc);

    public static bool TryParse(string text, TypeId to, DateTime now, out object value)
    {
        value = null!;
        if (text.Length is < 3 or > 9 || text[0] is >= '0' and <= '9')
            return false;
        if (TemporalInfinity.TryParse(text, out var infinity))
        {
            value = infinity;
            return true;
        }
        DateTime? instant = text.ToLowerInvariant() switch
        {
            "epoch" => DateTime.UnixEpoch,
            "now" => now,
            "today" => now.Date,
            "tomorrow" => now.Date.AddDays(1),
            "yesterday" => now.Date.AddDays(-1),
            _ => null,
        };
        if (instant is not { } t)
            return false;
        value = to == TypeId.Date ? DateOnly.FromDateTime(t) : DateTime.SpecifyKind(t, DateTimeKind.Utc);
        return true;
    }
}
