using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// The programmatic way to build executor expressions (what the physical planner calls). Operands are unified
/// here, so callers may mix int4 and int8, date and timestamp, or literals of another numeric type.
/// </summary>
public static class Expr
{
    public static Expression Column(int index, SqlType type, string? name = null) => new ColumnReference(index, type, name);

    public static Expression Constant(object? value, SqlType type) => new ConstantExpression(value, type);

    public static Expression Null(SqlType type) => new ConstantExpression(null, type);

    public static Expression Arithmetic(ArithmeticOperator op, Expression left, Expression right)
    {
        if (left.Type.Id == TypeId.Interval && right.Type.IsNumeric && op is ArithmeticOperator.Multiply or ArithmeticOperator.Divide)
            return new IntervalScaleExpression(left, right, op == ArithmeticOperator.Divide);
        if (right.Type.Id == TypeId.Interval && left.Type.IsNumeric && op == ArithmeticOperator.Multiply)
            return new IntervalScaleExpression(right, left, divide: false);
        // date ± interval is timestamp ± interval (PostgreSQL casts the date to midnight).
        if (left.Type.Id == TypeId.Date && right.Type.Id == TypeId.Interval && op is ArithmeticOperator.Add or ArithmeticOperator.Subtract)
            return Arithmetic(op, TypeUnification.To(left, SqlType.Timestamp), right);
        if (TemporalArithmeticExpression.Supports(op, left.Type, right.Type))
            return new TemporalArithmeticExpression(op, left, right);
        if (op == ArithmeticOperator.Add && right.Type.Id is TypeId.Timestamp or TypeId.TimestampTz or TypeId.Date && left.Type.Id is TypeId.Interval or TypeId.Int4)
            return Arithmetic(op, right, left);
        // interval + time and time + date are the commuted operators PostgreSQL declares.
        if (op == ArithmeticOperator.Add && (right.Type.Id, left.Type.Id) is (TypeId.Time, TypeId.Interval) or (TypeId.Date, TypeId.Time))
            return Arithmetic(op, right, left);
        var type = TypeUnification.Common(left.Type, right.Type);
        return new ArithmeticExpression(op, TypeUnification.To(left, type), TypeUnification.To(right, type));
    }

    public static Expression Add(Expression l, Expression r) => Arithmetic(ArithmeticOperator.Add, l, r);
    public static Expression Subtract(Expression l, Expression r) => Arithmetic(ArithmeticOperator.Subtract, l, r);
    public static Expression Multiply(Expression l, Expression r) => Arithmetic(ArithmeticOperator.Multiply, l, r);
    public static Expression Divide(Expression l, Expression r) => Arithmetic(ArithmeticOperator.Divide, l, r);
    public static Expression Modulo(Expression l, Expression r) => Arithmetic(ArithmeticOperator.Modulo, l, r);

    /// <summary>
    /// Unary minus: 0 - x, except for floats, where it is -1 * x: 0 - 0.0 is +0, but PostgreSQL's float8um flips the
    /// sign bit, so -(0::float8) is -0 (it prints so, and atan2 tells the two apart).
    /// </summary>
    public static Expression Negate(Expression operand) => operand.Type.Id is TypeId.Float4 or TypeId.Float8
        ? Arithmetic(ArithmeticOperator.Multiply, Constant(-1.0, operand.Type), operand)
        : Arithmetic(ArithmeticOperator.Subtract,
            operand.Type.Id == TypeId.Interval ? Constant(new PgInterval(0, 0, 0), SqlType.Interval) : Constant(0, operand.Type.IsNumeric ? operand.Type : SqlType.Int4),
            operand);

    public static Expression Compare(ComparisonOperator op, Expression left, Expression right)
    {
        var type = ComparisonType(left.Type, right.Type);
        return new ComparisonExpression(op, TypeUnification.To(left, type), TypeUnification.To(right, type));
    }

    public static Expression Equal(Expression l, Expression r) => Compare(ComparisonOperator.Equal, l, r);
    public static Expression NotEqual(Expression l, Expression r) => Compare(ComparisonOperator.NotEqual, l, r);
    public static Expression Less(Expression l, Expression r) => Compare(ComparisonOperator.Less, l, r);
    public static Expression LessOrEqual(Expression l, Expression r) => Compare(ComparisonOperator.LessOrEqual, l, r);
    public static Expression Greater(Expression l, Expression r) => Compare(ComparisonOperator.Greater, l, r);
    public static Expression GreaterOrEqual(Expression l, Expression r) => Compare(ComparisonOperator.GreaterOrEqual, l, r);

    public static Expression IsDistinctFrom(Expression left, Expression right, bool negated = false)
    {
        var type = ComparisonType(left.Type, right.Type);
        return new DistinctFromExpression(TypeUnification.To(left, type), TypeUnification.To(right, type), negated);
    }

    public static Expression And(params Expression[] operands) => operands.Length == 1 ? operands[0] : new LogicalExpression(true, operands);
    public static Expression Or(params Expression[] operands) => operands.Length == 1 ? operands[0] : new LogicalExpression(false, operands);
    public static Expression Not(Expression operand) => new NotExpression(operand);
    public static Expression IsNull(Expression operand) => new IsNullExpression(operand, false);
    public static Expression IsNotNull(Expression operand) => new IsNullExpression(operand, true);

    public static Expression Cast(Expression operand, SqlType type, DateTime? now = null, TimeZoneInfo? zone = null) =>
        TypeUnification.To(operand, type, now, zone);

    public static Expression Case(IReadOnlyList<(Expression When, Expression Then)> branches, Expression? otherwise = null)
    {
        var type = otherwise?.Type ?? SqlType.Null;
        foreach (var (_, then) in branches)
            type = TypeUnification.Common(type, then.Type);
        if (type.Id == TypeId.Null)
            type = SqlType.Text;
        var unified = branches.Select(b => (b.When, TypeUnification.To(b.Then, type))).ToArray();
        return new CaseExpression(unified, otherwise is null ? null : TypeUnification.To(otherwise, type), type);
    }

    public static Expression Coalesce(params Expression[] arguments)
    {
        var type = arguments.Aggregate(SqlType.Null, (t, a) => TypeUnification.Common(t, a.Type));
        return new CoalesceExpression(arguments.Select(a => TypeUnification.To(a, type)).ToArray(), type);
    }

    /// <summary>NULLIF(a, b) = CASE WHEN a = b THEN NULL ELSE a END.</summary>
    public static Expression NullIf(Expression value, Expression other) =>
        new CaseExpression([(Equal(value, other), Null(value.Type))], value, value.Type);

    public static Expression In(Expression value, IReadOnlyList<Expression> list, bool negated = false)
    {
        var type = list.Aggregate(value.Type, (t, e) => TypeUnification.Common(t, e.Type));
        var unifiedValue = TypeUnification.To(value, type);
        if (list.All(e => e is ConstantExpression))
        {
            var constants = list.Select(e => ((ConstantExpression)TypeUnification.To(e, type)).Value).ToArray();
            return new InListExpression(unifiedValue, constants, negated);
        }
        Expression any = Or(list.Select(e => Equal(unifiedValue, e)).ToArray());
        return negated ? Not(any) : any;
    }

    public static Expression Like(Expression value, Expression pattern, bool caseInsensitive = false, bool negated = false) =>
        new LikeExpression(value, pattern, caseInsensitive, negated);

    public static Expression Function(string name, params Expression[] arguments) => ScalarFunctions.Resolve(name, arguments);

    private static SqlType ComparisonType(SqlType a, SqlType b)
    {
        // int4 = int8 compares by value: both sides meet at int8 (never at a narrower type that could overflow).
        var type = TypeUnification.Common(a, b);
        return type.IsInteger && a != b ? SqlType.Int8 : type;
    }
}
