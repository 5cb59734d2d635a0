using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>Operator typing: PostgreSQL's rules for the operators VND has (an unknown side takes the other side's type).</summary>
internal sealed partial class ExprBinder
{
    private BoundExpr BindBinary(BinaryExpr b)
    {
        if (b.Schema is not null and not "pg_catalog")
        {
            throw BinderErrors.Error(SqlState.UndefinedFunction, $"operator does not exist: {b.Schema}.{b.Operator}", b);
        }
        if (IsRowComparison(b))
        {
            return BindRowComparison(b);
        }
        var left = Bind(b.Left);
        var right = Bind(b.Right);
        return TypeOperator(b.Operator, left, right, b);
    }

    public BoundExpr TypeOperator(string op, BoundExpr left, BoundExpr right, SqlNode node)
    {
        if (op is "AND" or "OR")
        {
            left = Coerce(left, SqlType.Bool, node, softly: true);
            right = Coerce(right, SqlType.Bool, node, softly: true);
            TypeRules.RequireBoolean(left.Type, op, node);
            TypeRules.RequireBoolean(right.Type, op, node);
            return BoundCall.Operator(op, SqlType.Bool, left, right);
        }
        if (BindJsonOperator(op, left, right, node) is { } json)
        {
            return json;
        }
        if (op == "||")
        {
            return IsArrayValued(left) || IsArrayValued(right)
                ? BindArrayConcat(left, right, node)
                : BoundCall.Operator(op, SqlType.Text, ToText(left, node), ToText(right, node));
        }
        (left, right) = (ElementAs(left, right), ElementAs(right, left));
        (left, right) = Unify(left, right, node);
        if (op == "-" && IsDateTime(left.Type.Id) && IsDateTime(right.Type.Id) && left.Type.Id != right.Type.Id
            && TypeRules.CommonType(left.Type, right.Type) is { } later)
        {
            // PostgreSQL's implicit casts date → timestamp → timestamptz make a mixed difference (timestamptz -
            // timestamp, timestamp - date, date - timestamptz) the difference of the later type; a timestamp or date
            // becomes a timestamptz in the session's zone.
            left = Coerce(left, later, node);
            right = Coerce(right, later, node);
        }
        if (op is "+" or "-" && left.Type.Id == TypeId.Date && right.Type.Id == TypeId.Int2)
        {
            // date ± integer is PostgreSQL's only date/number operator (date ± bigint does not exist); smallint casts up.
            right = Coerce(right, SqlType.Int4, node);
        }
        else if (op == "+" && right.Type.Id == TypeId.Date && left.Type.Id is TypeId.Int2 or TypeId.Int4)
        {
            // integer + date is the same sum (pg_operator's commutator), bound with the date first.
            (left, right) = (right, Coerce(left, SqlType.Int4, node));
        }
        var result = ResultType(op, left.Type.Id, right.Type.Id);
        if (result is null && op is "=" or "<>" or "<" or ">" or "<=" or ">=" or "IS DISTINCT FROM" or "IS NOT DISTINCT FROM")
        {
            var common = TypeRules.CommonType(left.Type, right.Type);
            if (common is not null && (Comparable(common.Id) || ArrayEquality(common, op) || JsonbEquality(common, op)))
            {
                left = Coerce(left, common, node);
                right = Coerce(right, common, node);
                result = SqlType.Bool;
            }
        }
        else if (result is null && op is "@>" or "<@" or "&&" && left.Type.Id == TypeId.Array && TypeRules.SameType(left.Type, right.Type))
        {
            // anyarray @> anyarray: both sides one array type, as PostgreSQL requires (int8[] @> int4[] does not exist).
            result = SqlType.Bool;
        }
        else if (result is null && left.Type.IsNumeric && right.Type.IsNumeric
                 && (op is "+" or "-" or "*" or "/" or "%" || (op is "&" or "|" or "#" && left.Type.IsInteger && right.Type.IsInteger)))
        {
            var common = TypeRules.CommonType(left.Type, right.Type)!;
            left = Coerce(left, common, node);
            right = Coerce(right, common, node);
            result = common;
        }
        return result is null
            ? throw BinderErrors.Error(SqlState.UndefinedFunction, $"operator does not exist: {left.Type.PgName} {op} {right.Type.PgName}", node)
            : BoundCall.Operator(op, result, left, right);
    }

    private BoundExpr ToText(BoundExpr expr, SqlNode node) =>
        TypeRules.IsUnknown(expr.Type) ? Coerce(expr, SqlType.Text, node) : expr.Type.Id == TypeId.Text ? expr : new BoundCast(expr, SqlType.Text);

    /// <summary>An unknown literal or parameter on one side takes the other side's type; both unknown become text.</summary>
    private (BoundExpr, BoundExpr) Unify(BoundExpr left, BoundExpr right, SqlNode node)
    {
        bool leftUnknown = TypeRules.IsUnknown(left.Type), rightUnknown = TypeRules.IsUnknown(right.Type);
        if (leftUnknown && rightUnknown)
        {
            return (Coerce(left, SqlType.Text, node), Coerce(right, SqlType.Text, node));
        }
        if (leftUnknown)
        {
            return (Coerce(left, right.Type, node), right);
        }
        return rightUnknown ? (left, Coerce(right, left.Type, node)) : (left, right);
    }

    private static bool Comparable(TypeId id) => id is not (TypeId.Array or TypeId.Unknown or TypeId.Null or TypeId.Json or TypeId.Jsonb);

    /// <summary>jsonb values are canonical text, so (in)equality is byte equality; json has no equality in PostgreSQL,
    /// and jsonb's ordering (objects above arrays above scalars) is not the bytes' order, so neither is offered.</summary>
    private static bool JsonbEquality(SqlType type, string op) =>
        type.Id == TypeId.Jsonb && op is "=" or "<>" or "IS DISTINCT FROM" or "IS NOT DISTINCT FROM";

    /// <summary>
    /// Arrays compare for (in)equality by their layout bytes, which is value equality for elements whose equal
    /// values have equal bytes (not floats: -0 = 0; not numeric: 1.0 = 1.00; not intervals); ordering is element by
    /// element in PostgreSQL and is not supported.
    /// </summary>
    private static bool ArrayEquality(SqlType type, string op) =>
        type.Id == TypeId.Array && op is "=" or "<>" or "IS DISTINCT FROM" or "IS NOT DISTINCT FROM"
        && type.Element!.Id is not (TypeId.Float4 or TypeId.Float8 or TypeId.Numeric or TypeId.Interval);

    private static bool IsTimestamp(TypeId id) => id is TypeId.Timestamp or TypeId.TimestampTz;

    private static bool IsDateTime(TypeId id) => id is TypeId.Date || IsTimestamp(id);

    private static bool IsNet(TypeId id) => id is TypeId.Inet or TypeId.Cidr;

    private static bool IsInt(TypeId id) => id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8;

    private static bool IsNumber(TypeId id) => IsInt(id) || id is TypeId.Numeric or TypeId.Float4 or TypeId.Float8;

    /// <summary>Operators whose operand types differ by design (pg_operator entries); null to try same-type rules.</summary>
    private static SqlType? ResultType(string op, TypeId l, TypeId r) => op switch
    {
        "-" when IsTimestamp(l) && l == r => SqlType.Interval,
        "-" when l == TypeId.Date && r == TypeId.Date => SqlType.Int4,
        "+" or "-" when IsTimestamp(l) && r == TypeId.Interval => l == TypeId.Timestamp ? SqlType.Timestamp : SqlType.TimestampTz,
        "+" when l == TypeId.Interval && IsTimestamp(r) => r == TypeId.Timestamp ? SqlType.Timestamp : SqlType.TimestampTz,
        "+" or "-" when l == TypeId.Date && r == TypeId.Int4 => SqlType.Date,
        "+" or "-" when l == TypeId.Date && r == TypeId.Interval => SqlType.Timestamp,
        "+" or "-" when l == TypeId.Interval && r == TypeId.Interval => SqlType.Interval,
        "-" when l == TypeId.Time && r == TypeId.Time => SqlType.Interval,
        "+" or "-" when l == TypeId.Time && r == TypeId.Interval => SqlType.Time,
        "+" when l == TypeId.Interval && r == TypeId.Time => SqlType.Time,
        "+" when (l == TypeId.Date && r == TypeId.Time) || (l == TypeId.Time && r == TypeId.Date) => SqlType.Timestamp,
        "*" when (l == TypeId.Interval && IsNumber(r)) || (IsNumber(l) && r == TypeId.Interval) => SqlType.Interval,
        "/" when l == TypeId.Interval && IsNumber(r) => SqlType.Interval,
        "<<" or "<<=" or ">>" or ">>=" or "&&" when IsNet(l) && IsNet(r) => SqlType.Bool,
        "<<" or ">>" when IsInt(l) && r == TypeId.Int4 => l switch { TypeId.Int2 => SqlType.Int2, TypeId.Int4 => SqlType.Int4, _ => SqlType.Int8 },
        "&" or "|" or "#" when IsInt(l) && l == r => l switch { TypeId.Int2 => SqlType.Int2, TypeId.Int4 => SqlType.Int4, _ => SqlType.Int8 },
        "-" when IsNet(l) && IsNet(r) => SqlType.Int8,
        // inet ± bigint moves the address (a cidr is taken as inet, as PostgreSQL's implicit cast does); & | work bitwise.
        "+" or "-" when IsNet(l) && IsInt(r) => SqlType.Inet,
        "+" when IsInt(l) && IsNet(r) => SqlType.Inet,
        "&" or "|" when IsNet(l) && IsNet(r) => SqlType.Inet,
        "~" or "~*" or "!~" or "!~*" when l == TypeId.Text && r == TypeId.Text => SqlType.Bool,
        "^@" when l == TypeId.Text && r == TypeId.Text => SqlType.Bool, // starts_with as an operator
        "^" when IsNumber(l) && IsNumber(r) => l == TypeId.Numeric || r == TypeId.Numeric ? SqlType.Numeric : SqlType.Float8,
        _ => null,
    };

    private BoundExpr BindUnary(UnaryExpr u)
    {
        var operand = Bind(u.Operand);
        switch (u.Operator)
        {
            case "NOT":
                operand = Coerce(operand, SqlType.Bool, u, softly: true);
                TypeRules.RequireBoolean(operand.Type, "NOT", u);
                return BoundCall.Operator("NOT", SqlType.Bool, operand);
            case "-" or "+" when operand.Type.IsNumeric || operand.Type.Id == TypeId.Interval:
                return u.Operator == "+" ? operand : BoundCall.Operator("-", operand.Type, operand);
            case "~" when operand.Type.IsInteger:
                return BoundCall.Operator("~", operand.Type, operand);
            case "~" when IsNet(operand.Type.Id):
                return BoundCall.Operator("~", SqlType.Inet, operand);
            case "@" when operand.Type.IsNumeric:
                return BoundCall.Operator("@", operand.Type, operand);
            case "|/" when operand.Type.IsNumeric || TypeRules.IsUnknown(operand.Type):
                return BoundCall.Operator("|/", SqlType.Float8, Coerce(operand, SqlType.Float8, u));
            default:
                throw BinderErrors.Error(SqlState.UndefinedFunction, $"operator does not exist: {u.Operator} {operand.Type.PgName}", u);
        }
    }

    private BoundExpr BindIs(IsExpr i)
    {
        if (i.Test == IsTest.Null && i.Operand is RowExpr row)
        {
            return BindRowIsNull(row, i.Negated, i);
        }
        var operand = Bind(i.Operand);
        if (i.Test != IsTest.Null)
        {
            operand = Coerce(operand, SqlType.Bool, i, softly: true);
            TypeRules.RequireBoolean(operand.Type, "IS " + i.Test.ToString().ToUpperInvariant(), i);
        }
        return new BoundIs(operand, i.Test, i.Negated);
    }

    private BoundExpr BindDistinctFrom(IsDistinctFromExpr d)
    {
        var op = d.Negated ? "IS NOT DISTINCT FROM" : "IS DISTINCT FROM";
        if (d.Left is RowExpr || d.Right is RowExpr)
        {
            var (left, right) = RowFields(d.Left, d.Right, op, d);
            return Fold(d.Negated ? "AND" : "OR", left, right, op, d);
        }
        return TypeOperator(op, Bind(d.Left), Bind(d.Right), d);
    }

    /// <summary>BETWEEN is rewritten to its comparisons, as PostgreSQL's grammar does.</summary>
    private BoundExpr BindBetween(BetweenExpr b)
    {
        var operand = Bind(b.Operand);
        var low = Bind(b.Low);
        var high = Bind(b.High);
        var inRange = TypeOperator("AND", TypeOperator(">=", operand, low, b), TypeOperator("<=", operand, high, b), b);
        if (b.Symmetric)
        {
            inRange = TypeOperator("OR", inRange, TypeOperator("AND", TypeOperator(">=", operand, high, b), TypeOperator("<=", operand, low, b), b), b);
        }
        return b.Negated ? BoundCall.Operator("NOT", SqlType.Bool, inRange) : inRange;
    }

    private BoundExpr BindLike(LikeExpr l)
    {
        if (l.Pattern is QuantifiedOperand q)
        {
            return BindQuantifiedLike(l, q);
        }
        // LIKE exists for text only: an unknown literal becomes text, other types are an error as in PostgreSQL.
        var operand = Settle(Bind(l.Operand), l);
        var pattern = Settle(Bind(l.Pattern), l);
        if (operand.Type.Id != TypeId.Text || pattern.Type.Id != TypeId.Text)
        {
            var symbol = l.Kind == LikeKind.SimilarTo ? "~" : "~~";
            throw BinderErrors.Error(SqlState.UndefinedFunction, $"operator does not exist: {operand.Type.PgName} {symbol} {pattern.Type.PgName}", l);
        }
        if (l.Kind == LikeKind.SimilarTo)
        {
            return BindSimilarTo(l, operand, pattern);
        }
        var name = l.Kind == LikeKind.Like ? "like" : "ilike";
        BoundExpr call = l.Escape is null
            ? BoundCall.Operator(name.ToUpperInvariant(), SqlType.Bool, operand, pattern)
            : new BoundCall(name + "(text,text,text)", name, CallKind.Function, [operand, pattern, Coerce(Bind(l.Escape), SqlType.Text, l.Escape)], SqlType.Bool);
        return l.Negated ? BoundCall.Operator("NOT", SqlType.Bool, call) : call;
    }

    /// <summary>
    /// x [NOT] LIKE|ILIKE ANY|ALL (ARRAY[p, q]): one match per pattern, OR'ed (ANY) or AND'ed (ALL), which is the
    /// definition, NULLs included, when x is evaluated once per copy without effect. Over an array value there is no
    /// kernel yet.
    /// </summary>
    private BoundExpr BindQuantifiedLike(LikeExpr l, QuantifiedOperand q)
    {
        if (l.Kind == LikeKind.SimilarTo || q.Operand is not ArrayExpr { Elements.Count: > 0 } array || !EvaluatedOnce(l.Operand))
        {
            var kind = l.Kind switch { LikeKind.Like => "LIKE", LikeKind.ILike => "ILIKE", _ => "SIMILAR TO" };
            throw BinderErrors.Unsupported($"{kind} {q.Quantifier.ToString().ToUpperInvariant()} over an array value", l);
        }
        var op = q.Quantifier == Quantifier.All ? "AND" : "OR";
        Expr result = l with { Pattern = array.Elements[0] };
        for (var i = 1; i < array.Elements.Count; i++)
            result = new BinaryExpr(op, result, l with { Pattern = array.Elements[i] }) { Position = l.Position };
        return Bind(result);
    }

    /// <summary>x SIMILAR TO p [ESCAPE e] is x ~ similar_to_escape(p [, e]), as PostgreSQL's grammar rewrites it: the
    /// SQL pattern becomes an anchored regular expression (folded once when p and e are constants).</summary>
    private BoundExpr BindSimilarTo(LikeExpr l, BoundExpr operand, BoundExpr pattern)
    {
        SqlList<BoundExpr> args = l.Escape is null ? [pattern] : [pattern, Coerce(Bind(l.Escape), SqlType.Text, l.Escape)];
        var regex = new BoundCall(l.Escape is null ? "similar_to_escape(text)" : "similar_to_escape(text,text)", "similar_to_escape",
            CallKind.Function, args, SqlType.Text);
        var call = TypeOperator("~", operand, regex, l);
        return l.Negated ? BoundCall.Operator("NOT", SqlType.Bool, call) : call;
    }
}
