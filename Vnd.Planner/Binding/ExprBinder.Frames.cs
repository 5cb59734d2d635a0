using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>Window frames: PostgreSQL's frame-shape rules (42P20), ROWS/GROUPS counts and RANGE offsets.</summary>
internal sealed partial class ExprBinder
{
    private const string WindowingError = "42P20";

    private BoundFrame? BindFrame(WindowSpec spec, SqlList<SortKey> order)
    {
        if (spec.Frame is not { } frame)
        {
            return null;
        }
        var end = frame.End ?? new FrameBound(FrameBoundKind.CurrentRow, null) { Position = frame.Start.Position };
        CheckShape(frame, end);
        if (frame.Unit == FrameUnit.Groups && order.Count == 0)
        {
            throw BinderErrors.Error(WindowingError, "GROUPS mode requires an ORDER BY clause", frame);
        }
        if (frame.Unit != FrameUnit.Range)
        {
            return new BoundFrame(frame.Unit, frame.Start.Kind, Count(frame.Start, frame, start: true), end.Kind, Count(end, frame, start: false))
            {
                Exclusion = frame.Exclusion,
            };
        }
        var hasOffset = frame.Start.Offset is not null || end.Offset is not null;
        if (hasOffset && order.Count != 1)
        {
            throw BinderErrors.Error(WindowingError, "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column", spec);
        }
        return new BoundFrame(frame.Unit, frame.Start.Kind, null, end.Kind, null)
        {
            StartValue = RangeOffset(frame.Start, order),
            EndValue = RangeOffset(end, order),
            Exclusion = frame.Exclusion,
        };
    }

    /// <summary>The frame shapes PostgreSQL's grammar rejects.</summary>
    private static void CheckShape(WindowFrame frame, FrameBound end)
    {
        var message = (frame.Start.Kind, end.Kind) switch
        {
            (FrameBoundKind.UnboundedFollowing, _) => "frame start cannot be UNBOUNDED FOLLOWING",
            (_, FrameBoundKind.UnboundedPreceding) => "frame end cannot be UNBOUNDED PRECEDING",
            (FrameBoundKind.CurrentRow, FrameBoundKind.Preceding) => "frame starting from current row cannot have preceding rows",
            (FrameBoundKind.Following, FrameBoundKind.CurrentRow) when frame.End is null => "frame starting from following row cannot end with current row",
            (FrameBoundKind.Following, FrameBoundKind.Preceding or FrameBoundKind.CurrentRow) => "frame starting from following row cannot have preceding rows",
            _ => null,
        };
        if (message is not null)
        {
            throw BinderErrors.Error(WindowingError, message, frame.End is null ? frame.Start : end);
        }
    }

    /// <summary>A ROWS or GROUPS offset: a constant count; NULL (22004) and negative (22013) as PostgreSQL reports them.</summary>
    private long? Count(FrameBound bound, WindowFrame frame, bool start)
    {
        if (bound.Offset is null)
        {
            return null;
        }
        var value = FrameOffset(bound, frame.Unit);
        var which = start ? "starting" : "ending";
        return value switch
        {
            BoundLiteral { Value: null } => throw BinderErrors.Error("22004", $"frame {which} offset must not be null", bound),
            BoundLiteral { Value: short or int or long } n when System.Convert.ToInt64(n.Value, System.Globalization.CultureInfo.InvariantCulture) < 0 =>
                throw BinderErrors.Error("22013", $"frame {which} offset must not be negative", bound),
            BoundLiteral { Value: short or int or long } n => System.Convert.ToInt64(n.Value, System.Globalization.CultureInfo.InvariantCulture),
            _ => throw BinderErrors.Unsupported("a ROWS or GROUPS frame offset that is not a constant", bound),
        };
    }

    private BoundExpr? RangeOffset(FrameBound bound, SqlList<SortKey> order)
    {
        if (bound.Offset is null)
        {
            return null;
        }
        var key = order[0].Expr.Type;
        var value = FrameOffset(bound, FrameUnit.Range);
        if (RangeFrames.OffsetType(key) is not { } type)
        {
            throw BinderErrors.Error(SqlState.FeatureNotSupported, $"RANGE with offset PRECEDING/FOLLOWING is not supported for column type {key.PgName}", bound);
        }
        if (!RangeFrames.Accepts(key, value.Type))
        {
            throw BinderErrors.Error(SqlState.FeatureNotSupported,
                $"RANGE with offset PRECEDING/FOLLOWING is not supported for column type {key.PgName} and offset type {value.Type.PgName}", bound);
        }
        return Coerce(value, type, bound);
    }

    /// <summary>An offset bound like PostgreSQL: any expression without column references, folded when constant.</summary>
    private BoundExpr FrameOffset(FrameBound bound, FrameUnit unit)
    {
        var value = Bind(bound.Offset!);
        if (ExprWalk.Columns(value).Count > 0)
        {
            throw BinderErrors.Error("42P10", $"argument of {unit.ToString().ToUpperInvariant()} must not contain variables", bound);
        }
        if (unit != FrameUnit.Range)
        {
            value = Coerce(value, SqlType.Int8, bound);
        }
        return Folded(value);
    }

    /// <summary>Folds the integer constants a frame count is written with (1, -1, 2::int8, NULL).</summary>
    private static BoundExpr Folded(BoundExpr expr) => expr switch
    {
        BoundCast c => Folded(c.Operand) switch
        {
            BoundLiteral { Value: null } => new BoundLiteral(null, c.TargetType),
            BoundLiteral { Value: short or int or long } l when c.TargetType.Id == TypeId.Int8 =>
                new BoundLiteral(System.Convert.ToInt64(l.Value, System.Globalization.CultureInfo.InvariantCulture), SqlType.Int8),
            var operand => c with { Operand = operand },
        },
        BoundCall { Kind: CallKind.Operator, Name: "-", Arguments: [var operand] } call => Folded(operand) switch
        {
            BoundLiteral { Value: short or int or long } l => new BoundLiteral(-System.Convert.ToInt64(l.Value, System.Globalization.CultureInfo.InvariantCulture), SqlType.Int8),
            _ => call,
        },
        _ => expr,
    };
}
