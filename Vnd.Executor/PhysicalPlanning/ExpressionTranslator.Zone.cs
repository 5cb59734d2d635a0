using Vnd.Executor.Expressions;
using Vnd.Executor.Expressions.Formatting;
using Vnd.Planner.Logical;
using Vnd.Planner.Types;
using Expr = Vnd.Executor.Expressions.Expr;
using Expression = Vnd.Executor.Expressions.Expression;

namespace Vnd.Executor.PhysicalPlanning;

/// <summary>
/// The session's TimeZone inside expressions, as PostgreSQL applies it: timestamptz values are UTC instants, and
/// what reads their calendar (casts to text, date, timestamp and time, date_trunc, extract, to_char, ||) or makes
/// one from a wall-clock time (zoneless text, timestamp, date) works in the zone. In UTC all of this is the plain
/// translation, so a statement planned without a session (the default) computes exactly as before.
/// </summary>
public sealed partial class ExpressionTranslator
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private readonly bool _zoned;

    /// <summary>The session's TimeZone (UTC unless set by the physical planner).</summary>
    public TimeZoneInfo TimeZone
    {
        get => _zone;
        init
        {
            _zone = value;
            // Etc/UTC and the like are UTC too: no offset, ever.
            _zoned = value.BaseUtcOffset != TimeSpan.Zero || value.GetAdjustmentRules().Length != 0;
        }
    }

    private bool Zoned => _zoned;

    private Expression Cast(Expression operand, SqlType target)
    {
        if (!Zoned)
            return Expr.Cast(operand, target, Now);
        return (operand.Type.Id, target.Id) switch
        {
            // Text also needs the zone for 'today' and the like as a date or timestamp (the zone's day).
            (TypeId.TimestampTz, TypeId.Text) or (TypeId.Text or TypeId.Unknown, TypeId.TimestampTz or TypeId.Date or TypeId.Timestamp) =>
                Expr.Cast(operand, target, Now, TimeZone),
            (TypeId.TimestampTz, TypeId.Date or TypeId.Timestamp or TypeId.Time) => Expr.Cast(WallClock(operand), target, Now),
            // Arrays with timestamptz elements: their text, and element casts to and from them, in the zone.
            _ when operand.Type.Element?.Id == TypeId.TimestampTz || target.Element?.Id == TypeId.TimestampTz =>
                Expr.Cast(operand, target, Now, TimeZone),
            (TypeId.Timestamp or TypeId.Date, TypeId.TimestampTz) =>
                Expr.Cast(Expr.Function("timezone", ZoneName(), Expr.Cast(operand, SqlType.Timestamp, Now)), target, Now),
            _ => Expr.Cast(operand, target, Now),
        };
    }

    /// <summary>timezone(zone, instant): the wall-clock timestamp in the session's zone.</summary>
    private Expression WallClock(Expression instant) => Expr.Function("timezone", ZoneName(), instant);

    private Expression ZoneName() => Expr.Constant(TimeZone.Id, SqlType.Text);

    /// <summary>
    /// The calls that read a timestamptz's calendar, computed in the session's zone; null for the rest. A timestamp
    /// or date meeting a timestamptz in a comparison or difference is first read as the zone's wall-clock time.
    /// </summary>
    private Expression? InSessionZone(BoundCall call, Expression[] args)
    {
        if (!Zoned)
            return null;
        if (call.Kind != CallKind.Function && args.Length == 2 && call.Name is "=" or "<>" or "!=" or "<" or "<=" or ">" or ">="
                or "IS DISTINCT FROM" or "IS NOT DISTINCT FROM" or "-")
        {
            for (var i = 0; i < 2; i++)
            {
                if (args[i].Type.Id is TypeId.Timestamp or TypeId.Date && args[1 - i].Type.Id == TypeId.TimestampTz)
                    args[i] = Cast(args[i], SqlType.TimestampTz);
            }
        }
        switch (call.Name)
        {
            case "+" when call.Kind != CallKind.Function && args.Length == 2 && IsShift(args[0], args[1]):
                return ZonedTimeFunctions.Shift(TimeZone, args[0], args[1], 1);
            case "+" when call.Kind != CallKind.Function && args.Length == 2 && IsShift(args[1], args[0]):
                return ZonedTimeFunctions.Shift(TimeZone, args[1], args[0], 1);
            case "-" when call.Kind != CallKind.Function && args.Length == 2 && IsShift(args[0], args[1]):
                return ZonedTimeFunctions.Shift(TimeZone, args[0], args[1], -1);
        }
        if (call.Kind != CallKind.Function && call.Name != "||")
            return null;
        // array_to_string prints each element's output text: a timestamptz array's is in the zone.
        if (call.Name == "array_to_string" && args.Length > 0 && args[0].Type.Element?.Id == TypeId.TimestampTz)
            args[0] = Cast(args[0], SqlType.Text);
        switch (call.Name)
        {
            case "date_trunc" when args.Length == 2 && args[1].Type.Id == TypeId.TimestampTz:
                return ZonedTimeFunctions.Truncate(TimeZone, args[0], args[1]);
            case "date_part" or "extract" when args.Length == 2 && ZonedTimeFunctions.ZoneField(args[0]) is { } zoneField:
                return ZonedTimeFunctions.OffsetPart(call.Name, args[0], zoneField, args[1], TimeZone);
            // The epoch is the same instant in every zone; every other field is read from the wall clock.
            case "date_part" or "extract" when args.Length == 2 && args[1].Type.Id == TypeId.TimestampTz
                && args[0] is ConstantExpression { Value: string field } && !field.Equals("epoch", StringComparison.OrdinalIgnoreCase):
                return Expr.Function(call.Name, args[0], WallClock(args[1]));
            case "to_char" when args.Length == 2 && args[0].Type.Id == TypeId.TimestampTz:
                return ToCharFunction.Timestamp(call.Name, args[0], args[1], TimeZone);
            // concat(), concat_ws() and format() take each argument's output text (the binder's vnd_output_text).
            case "vnd_output_text" when args.Length == 1 && (args[0].Type.Id == TypeId.TimestampTz || args[0].Type.Element?.Id == TypeId.TimestampTz):
                return Cast(args[0], SqlType.Text);
            case "||" when args.Any(a => a.Type.Id == TypeId.TimestampTz):
                return Expr.Function("textcat", [.. args.Select(a => a.Type.Id == TypeId.TimestampTz ? Cast(a, SqlType.Text) : a)]);
            default:
                return null;
        }
    }

    private static bool IsShift(Expression instant, Expression interval) =>
        instant.Type.Id == TypeId.TimestampTz && interval.Type.Id == TypeId.Interval;
}
