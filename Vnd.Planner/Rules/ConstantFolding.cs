using System.Globalization;
using Vnd.Planner.Binding;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Rules;

/// <summary>
/// constant_folding: evaluates casts, integer/float/numeric arithmetic and comparisons whose operands are literals,
/// and simplifies AND/OR/NOT with boolean constants (x AND true → x, x OR true → true), then drops filters that
/// became WHERE true. Anything that could raise an error at run time (overflow, division by zero) is left to
/// the executor. One exception, as in PostgreSQL's eval_const_expressions: a strict operator or function with a
/// NULL literal argument is NULL, so an error its other arguments would raise is not raised (abs(NULL::int2) |
/// abs(i2) is NULL on every row in PostgreSQL, where evaluating abs(-32768) would fail).
/// </summary>
public sealed class ConstantFolding : ILogicalRule
{
    public string Name => "constant_folding";

    public RuleResult Apply(LogicalPlan plan)
    {
        var result = PlanWalk.TransformUp(plan, node =>
        {
            var folded = PlanExpressions.Map(node, expr => ExprWalk.Transform(expr, Fold));
            return folded is Filter { Predicate: BoundLiteral { Value: true } } filter ? filter.Input : folded;
        });
        return RuleResult.Compare(plan, result);
    }

    private static BoundExpr? Fold(BoundExpr expr) => expr switch
    {
        BoundCast { Operand: BoundLiteral literal } cast => FoldCast(literal, cast.TargetType),
        BoundCall { Kind: CallKind.Operator, Name: "AND" } and => FoldAnd(and.Arguments[0], and.Arguments[1]),
        BoundCall { Kind: CallKind.Operator, Name: "OR" } or => FoldOr(or.Arguments[0], or.Arguments[1]),
        BoundCall { Kind: CallKind.Operator, Name: "NOT", Arguments: [BoundLiteral { Value: bool b }] } => b ? BoundLiteral.False : BoundLiteral.True,
        BoundCall call when IsStrict(call) && call.Arguments.Any(a => a is BoundLiteral { Value: null }) => new BoundLiteral(null, call.Type),
        BoundCase @case when @case.Whens.Any(w => w.Condition is BoundLiteral) => FoldCase(@case),
        BoundIs { Operand: BoundLiteral { Value: var value }, Test: IsTest.Null, Negated: var negated } => (value is null) != negated ? BoundLiteral.True : BoundLiteral.False,
        BoundCall { Kind: CallKind.Operator, Arguments: [BoundLiteral l, BoundLiteral r] } call => FoldBinary(call, l, r),
        _ => null,
    };

    /// <summary>
    /// CASE with constant conditions, as PostgreSQL's eval_const_expressions: a WHEN false or NULL is dropped, a WHEN
    /// true ends the CASE with its result, and nothing left is the ELSE (or NULL). The dropped results are never
    /// evaluated, so they raise no error, as in PostgreSQL.
    /// </summary>
    private static BoundExpr? FoldCase(BoundCase @case)
    {
        var kept = new List<BoundWhen>();
        BoundExpr? otherwise = @case.Else;
        foreach (var when in @case.Whens)
        {
            if (when.Condition is BoundLiteral { Value: true })
            {
                otherwise = when.Result;
                break;
            }
            if (when.Condition is not BoundLiteral)
                kept.Add(when);
        }
        otherwise ??= new BoundLiteral(null, @case.ResultType);
        if (!TypeRules.SameType(otherwise.Type, @case.ResultType))
            return null;
        return kept.Count == 0 ? otherwise : new BoundCase(SqlList.From(kept), otherwise, @case.ResultType);
    }

    /// <summary>Operators and functions PostgreSQL declares strict (NULL in, NULL out) that VND binds; not AND/OR,
    /// IS [NOT] DISTINCT FROM, array || (array_cat keeps the other array), nor functions that skip NULLs.</summary>
    private static bool IsStrict(BoundCall call) => call.Kind switch
    {
        CallKind.Operator => call.Name is "+" or "-" or "*" or "/" or "%" or "^" or "=" or "<>" or "<" or ">" or "<=" or ">="
            or "&" or "|" or "#" or "<<" or "<<=" or ">>" or ">>=" or "&&" or "NOT" || (call.Name == "||" && call.Type.Id == TypeId.Text),
        CallKind.Function => StrictFunctions.Contains(call.Name),
        _ => false,
    };

    private static readonly HashSet<string> StrictFunctions = new(StringComparer.Ordinal)
    {
        "abs", "mod", "div", "sign", "round", "trunc", "ceil", "ceiling", "floor", "sqrt", "cbrt", "exp", "ln", "log", "power",
        "length", "char_length", "character_length", "octet_length", "lower", "upper", "initcap", "reverse", "md5", "substr",
        "substring", "replace", "split_part", "lpad", "rpad", "btrim", "ltrim", "rtrim", "left", "right", "repeat", "strpos",
        "position", "ascii", "translate", "starts_with", "date_trunc", "date_part", "extract", "to_timestamp", "justify_days",
        "justify_hours", "justify_interval", "make_date", "host", "abbrev", "family", "masklen", "broadcast", "hostmask",
        "netmask", "set_masklen",
    };

    private static BoundExpr? FoldAnd(BoundExpr left, BoundExpr right) => (left, right) switch
    {
        (BoundLiteral { Value: true }, _) => right,
        (_, BoundLiteral { Value: true }) => left,
        (BoundLiteral { Value: false }, _) or (_, BoundLiteral { Value: false }) => BoundLiteral.False,
        _ => null,
    };

    private static BoundExpr? FoldOr(BoundExpr left, BoundExpr right) => (left, right) switch
    {
        (BoundLiteral { Value: false }, _) => right,
        (_, BoundLiteral { Value: false }) => left,
        (BoundLiteral { Value: true }, _) or (_, BoundLiteral { Value: true }) => BoundLiteral.True,
        _ => null,
    };

    private static BoundLiteral? FoldCast(BoundLiteral literal, SqlType target)
    {
        if (literal.Value is null)
        {
            return new BoundLiteral(null, target);
        }
        try
        {
            object? value = (literal.Value, target.Id) switch
            {
                (short or int or long, TypeId.Int2) => checked((short)System.Convert.ToInt64(literal.Value, CultureInfo.InvariantCulture)),
                (short or int or long, TypeId.Int4) => checked((int)System.Convert.ToInt64(literal.Value, CultureInfo.InvariantCulture)),
                (short or int or long, TypeId.Int8) => System.Convert.ToInt64(literal.Value, CultureInfo.InvariantCulture),
                (short or int or long or decimal, TypeId.Numeric) => System.Convert.ToDecimal(literal.Value, CultureInfo.InvariantCulture),
                // numeric has no negative zero in PostgreSQL: decimal's -0.0 becomes +0 (adding +0.0 does only that).
                (decimal m, TypeId.Float8) => (double)m + 0.0,
                (short or int or long or double, TypeId.Float8) => System.Convert.ToDouble(literal.Value, CultureInfo.InvariantCulture),
                _ => null,
            };
            return value is null ? null : new BoundLiteral(value, target);
        }
        catch (OverflowException)
        {
            return null; // the executor reports 22003 when the row is evaluated
        }
    }

    private static BoundLiteral? FoldBinary(BoundCall call, BoundLiteral left, BoundLiteral right)
    {
        if (left.Value is null || right.Value is null)
        {
            // Strict operators return NULL for a NULL operand; IS [NOT] DISTINCT FROM is not strict.
            return call.Name.Contains("DISTINCT", StringComparison.Ordinal) ? null : new BoundLiteral(null, call.Type);
        }
        return (left.Value, right.Value) switch
        {
            (long or int or short, long or int or short) => FoldInteger(call, System.Convert.ToInt64(left.Value, CultureInfo.InvariantCulture), System.Convert.ToInt64(right.Value, CultureInfo.InvariantCulture)),
            (decimal l, decimal r) => Compare(call, l.CompareTo(r)),
            // PostgreSQL orders NaN above every number and equal to itself; .NET's CompareTo puts it below.
            (double l, double r) => Compare(call, double.IsNaN(l) ? (double.IsNaN(r) ? 0 : 1) : double.IsNaN(r) ? -1 : l.CompareTo(r)),
            (string l, string r) when call.Arguments[0].Type.Id == TypeId.Text => Compare(call, string.CompareOrdinal(l, r)),
            _ => null,
        };
    }

    private static BoundLiteral? FoldInteger(BoundCall call, long l, long r)
    {
        var compared = Compare(call, l.CompareTo(r));
        if (compared is not null)
        {
            return compared;
        }
        long? value = call.Name switch
        {
            "+" => l + r,
            "-" => l - r,
            // Not Math.Abs, which throws on long.MinValue; long.MinValue / -1 overflows (left to the executor's
            // 22003) and x % -1 is 0, which .NET's % throws on for long.MinValue.
            "*" when l == 0 || (l is > -int.MaxValue and < int.MaxValue && r is > -int.MaxValue and < int.MaxValue) => l * r,
            "/" when r != 0 && !(l == long.MinValue && r == -1) => l / r,
            "%" when r == -1 => 0,
            "%" when r != 0 => l % r,
            _ => null,
        };
        return value switch
        {
            null => null,
            _ when call.Type.Id == TypeId.Int2 && value is >= short.MinValue and <= short.MaxValue => new BoundLiteral((short)value.Value, call.Type),
            _ when call.Type.Id == TypeId.Int4 && value is >= int.MinValue and <= int.MaxValue => new BoundLiteral((int)value.Value, call.Type),
            _ when call.Type.Id == TypeId.Int8 && !Overflowed(call.Name, l, r, value.Value) => new BoundLiteral(value.Value, call.Type),
            _ => null,
        };
    }

    private static bool Overflowed(string op, long l, long r, long result) => op switch
    {
        "+" => ((l ^ result) & (r ^ result)) < 0,
        "-" => ((l ^ r) & (l ^ result)) < 0,
        "/" => l == long.MinValue && r == -1,
        _ => false,
    };

    private static BoundLiteral? Compare(BoundCall call, int order) => call.Name switch
    {
        "=" => Bool(order == 0),
        "<>" => Bool(order != 0),
        "<" => Bool(order < 0),
        "<=" => Bool(order <= 0),
        ">" => Bool(order > 0),
        ">=" => Bool(order >= 0),
        _ => null,
    };

    private static BoundLiteral Bool(bool value) => value ? BoundLiteral.True : BoundLiteral.False;
}
