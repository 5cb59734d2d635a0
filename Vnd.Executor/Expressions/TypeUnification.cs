using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// Finds the type two operands meet at (PostgreSQL's implicit numeric ladder int2 → int4 → int8 → numeric →
/// float8; timestamps of mixed resolution meet at nanoseconds; date meets timestamp; IPv4-only inet meets general
/// inet) and wraps an expression in a cast when needed.
/// </summary>
public static class TypeUnification
{
    public static SqlType Common(SqlType a, SqlType b)
    {
        if (a == b)
            return a;
        if (a.Id is TypeId.Null or TypeId.Unknown)
            return b;
        if (b.Id is TypeId.Null or TypeId.Unknown)
            return a;
        if (a.IsNumeric && b.IsNumeric)
            return Rank(a) >= Rank(b) ? Widen(a) : Widen(b);
        if (IsTimestamp(a) && IsTimestamp(b))
        {
            var unit = a.Unit == TimeUnit.Nanosecond || b.Unit == TimeUnit.Nanosecond ? TimeUnit.Nanosecond : TimeUnit.Microsecond;
            return a.Id == b.Id && a.Unit == unit ? a : b.Id == a.Id && b.Unit == unit ? b : SqlType.TimestampTzOf(unit);
        }
        if (IsTimestamp(a) && b.Id == TypeId.Date)
            return a;
        if (IsTimestamp(b) && a.Id == TypeId.Date)
            return b;
        if (a.Id is TypeId.Inet or TypeId.Cidr && b.Id is TypeId.Inet or TypeId.Cidr)
            return a.Family == InetFamily.V4 && b.Family == InetFamily.V4 ? SqlType.Inet4 : SqlType.Inet;
        if (PhysicalTypes.Of(a) == PhysicalTypes.Of(b) && a.Id == b.Id)
            return a;
        throw new ExecutionException(SqlState.DatatypeMismatch, $"types {a.PgName} and {b.PgName} cannot be matched");
    }

    /// <summary>
    /// The expression as <paramref name="type"/>, casting only when the type differs; a constant is converted now,
    /// with <paramref name="now"/> the statement's instant for text such as 'now'.
    /// </summary>
    public static Expression To(Expression expression, SqlType type, DateTime? now = null, TimeZoneInfo? zone = null)
    {
        if (expression.Type == type)
            return expression;
        if (expression is ConstantExpression { IsNull: true })
            return new ConstantExpression(null, type);
        if (expression is ConstantExpression c)
            return new ConstantExpression(ValueConverter.Convert(c.Value, c.Type, type, now, zone), type);
        return new CastExpression(expression, type, now, zone);
    }

    private static bool IsTimestamp(SqlType t) => t.Id is TypeId.Timestamp or TypeId.TimestampTz;

    private static SqlType Widen(SqlType t) => t.Id == TypeId.Float4 ? SqlType.Float8 : t;

    private static int Rank(SqlType t) => t.Id switch
    {
        TypeId.Int2 => 0,
        TypeId.Int4 => 1,
        TypeId.Int8 => 2,
        TypeId.Numeric => 3,
        _ => 4,
    };
}
