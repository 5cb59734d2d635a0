using System.Numerics;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

// The five arithmetic operators with PostgreSQL semantics over any .NET number type. Integer overflow raises
// OverflowException (checked), which the expression turns into SQLSTATE 22003 naming the result type; integer
// division truncates toward zero like C#; division by zero raises 22012 for every type (PostgreSQL does so for
// float8 too).

public readonly struct AddOp<T> : IBinaryOp<T, T, T> where T : INumber<T>
{
    public static T Apply(T left, T right) => NumericCheck.Exact(FloatCheck.Overflow(checked(left + right), left, right), left, right, product: false);
}

public readonly struct SubtractOp<T> : IBinaryOp<T, T, T> where T : INumber<T>
{
    public static T Apply(T left, T right) => NumericCheck.Exact(FloatCheck.Overflow(checked(left - right), left, right), left, right, product: false);
}

public readonly struct MultiplyOp<T> : IBinaryOp<T, T, T> where T : INumber<T>
{
    public static T Apply(T left, T right) =>
        NumericCheck.Exact(FloatCheck.Underflow(FloatCheck.Overflow(checked(left * right), left, right), left, right), left, right, product: true);
}

public readonly struct DivideOp<T> : IBinaryOp<T, T, T> where T : INumber<T>
{
    public static T Apply(T left, T right)
    {
        // NaN / 0 is NaN in PostgreSQL's float8div, not a division by zero.
        if (T.IsZero(right) && !T.IsNaN(left))
            ExecutionErrors.DivisionByZero();
        // numeric / numeric shows PostgreSQL's result scale (the test is a constant per instantiation).
        if (typeof(T) == typeof(decimal))
            return (T)(object)Vectors.NumericDivision.Divide((decimal)(object)left, (decimal)(object)right);
        return FloatCheck.Underflow(FloatCheck.Overflow(checked(left / right), left, right), left, right);
    }
}

public readonly struct ModuloOp<T> : IBinaryOp<T, T, T> where T : INumber<T>
{
    public static T Apply(T left, T right)
    {
        if (T.IsZero(right))
            ExecutionErrors.DivisionByZero();
        // x % -1 is 0 in PostgreSQL; .NET would overflow on MinValue % -1.
        var integral = typeof(T) != typeof(double) && typeof(T) != typeof(decimal);
        return integral && right == -T.One ? T.Zero : NumericCheck.Scaled(left % right, left, right);
    }
}

public readonly struct NegateOp<T> : IUnaryOp<T, T> where T : INumber<T>
{
    public static T Apply(T value) => checked(-value);
}

/// <summary>
/// float8 results PostgreSQL rejects: an infinite result from finite operands ("value out of range: overflow")
/// and a zero product or quotient of non-zero finite operands ("underflow"), both 22003. The type tests are constants
/// per instantiation, so integer kernels compile to nothing here.
/// </summary>
internal static class FloatCheck
{
    public static T Overflow<T>(T result, T left, T right) where T : INumber<T>
    {
        if (typeof(T) == typeof(double) && T.IsInfinity(result) && T.IsFinite(left) && T.IsFinite(right))
            throw new ExecutionException(SqlState.NumericValueOutOfRange, "value out of range: overflow");
        return result;
    }

    public static T Underflow<T>(T result, T left, T right) where T : INumber<T>
    {
        // Dividing by an infinity is an exact zero, not an underflow (PostgreSQL's float8div tests isinf(val2) too).
        if (typeof(T) == typeof(double) && T.IsZero(result) && !T.IsZero(left) && !T.IsZero(right) && T.IsFinite(right))
            throw new ExecutionException(SqlState.NumericValueOutOfRange, "value out of range: underflow");
        return result;
    }
}

/// <summary>
/// numeric results .NET's decimal cannot hold exactly: past 28–29 significant digits it rounds (2147483647 ×
/// 12345678901234567890.123 loses its fraction) where PostgreSQL's numeric keeps every digit. PostgreSQL's result
/// scale is the larger operand scale for + and −, their sum for ×; a result of lower scale has dropped digits, and
/// fails with 22003 (as a too-large decimal already does) instead of answering a rounded value. The type test is a
/// constant per instantiation, so other kernels compile to nothing here.
/// </summary>
internal static class NumericCheck
{
    public static T Exact<T>(T result, T left, T right, bool product) where T : INumber<T>
    {
        if (typeof(T) == typeof(decimal))
        {
            var l = ((decimal)(object)left).Scale;
            var r = ((decimal)(object)right).Scale;
            if (((decimal)(object)result).Scale < (product ? l + r : Math.Max(l, r)))
                ExecutionErrors.OutOfRange(Vnd.Planner.Types.SqlType.Numeric);
        }
        return result;
    }

    /// <summary>numeric % numeric has the larger operand scale in PostgreSQL (0 % 0.7 is 0.0); decimal's remainder
    /// of a zero dividend keeps the dividend's scale, so it is widened by adding a zero of that scale.</summary>
    public static T Scaled<T>(T result, T left, T right) where T : INumber<T>
    {
        if (typeof(T) == typeof(decimal))
        {
            var scale = Math.Max(((decimal)(object)left).Scale, ((decimal)(object)right).Scale);
            if (((decimal)(object)result).Scale < scale)
                return (T)(object)((decimal)(object)result + new decimal(0, 0, 0, false, (byte)scale));
        }
        return result;
    }
}
