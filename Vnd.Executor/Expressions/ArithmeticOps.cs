using System.Numerics;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

// The five arithmetic operators with PostgreSQL semantics over any .NET number type. Integer overflow raises
// OverflowException (checked), which the expression turns into SQLSTATE 22003 naming the result type; integer
// division truncates toward zero like C#; division by zero raises 22012 for every type (PostgreSQL does so for
// float8 too).

public readonly struct AddOp<T> : IBinaryOp<T, T, T> where T : INumber<T>
{
    public static T Apply(T left, T right) => FloatCheck.Overflow(checked(left + right), left, right);
}

public readonly struct SubtractOp<T> : IBinaryOp<T, T, T> where T : INumber<T>
{
    public static T Apply(T left, T right) => FloatCheck.Overflow(checked(left - right), left, right);
}

public readonly struct MultiplyOp<T> : IBinaryOp<T, T, T> where T : INumber<T>
{
    public static T Apply(T left, T right) => FloatCheck.Underflow(FloatCheck.Overflow(checked(left * right), left, right), left, right);
}

public readonly struct DivideOp<T> : IBinaryOp<T, T, T> where T : INumber<T>
{
    public static T Apply(T left, T right)
    {
        if (T.IsZero(right))
            ExecutionErrors.DivisionByZero();
        // numeric / numeric shows PostgreSQL's result scale (the test is a constant per instantiation).
        if (typeof(T) == typeof(decimal))
            return (T)(object)Vectors.NumericDivision.Divide((decimal)(object)left, (decimal)(object)right);
        return FloatCheck.Underflow(FloatCheck.Overflow(checked(left / right), left, right), left, T.One);
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
        return integral && right == -T.One ? T.Zero : left % right;
    }
}

public readonly struct NegateOp<T> : IUnaryOp<T, T> where T : INumber<T>
{
    public static T Apply(T value) => checked(-value);
}

/// <summary>
/// float8 results PostgreSQL rejects: an infinite result from finite operands ("value out of range: overflow")
/// and a zero product or quotient of non-zero operands ("underflow"), both 22003. The type tests are constants
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
        if (typeof(T) == typeof(double) && T.IsZero(result) && !T.IsZero(left) && !T.IsZero(right))
            throw new ExecutionException(SqlState.NumericValueOutOfRange, "value out of range: underflow");
        return result;
    }
}
