using System.Numerics;
using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// gcd and lcm over int4/int8 (results never negative; a result that does not fit the type, such as
/// gcd(-2147483648, 0), is 22003 as in PostgreSQL), div (numeric quotient truncated toward zero) and factorial.
/// </summary>
internal static class IntegerMathFunctions
{
    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        switch (name)
        {
            case "gcd" or "lcm" when a.Count == 2 && (a[0].Type.Id == TypeId.Int8 || a[1].Type.Id == TypeId.Int8):
                var gcd8 = name == "gcd";
                return Pair(name, SqlType.Int8, a, (args, r, i) => r.Set(i, Combine(args[0].Get<long>(i), args[1].Get<long>(i), gcd8)));
            case "gcd" or "lcm" when a.Count == 2:
                var gcd4 = name == "gcd";
                return Pair(name, SqlType.Int4, a, (args, r, i) => r.Set(i, Combine(args[0].Get<int>(i), args[1].Get<int>(i), gcd4)));
            case "div" when a.Count == 2:
                return Pair(name, SqlType.Numeric, a, static (args, r, i) =>
                {
                    var divisor = args[1].Get<decimal>(i);
                    if (divisor == 0)
                        throw new ExecutionException(SqlState.DivisionByZero, "division by zero");
                    r.Set(i, decimal.Truncate(args[0].Get<decimal>(i) / divisor));
                });
            case "factorial" when a.Count == 1:
                return new FunctionExpression(name, SqlType.Numeric, [TypeUnification.To(a[0], SqlType.Int8)], static (args, r, rows) =>
                    RowKernel.Each(args, r, rows, static (args, r, i) => r.Set(i, Factorial(args[0].Get<long>(i)))));
            default:
                return null;
        }
    }

    /// <summary>Euclid's algorithm on magnitudes, then lcm as |a / gcd × b|; either must fit <typeparamref name="T"/>.</summary>
    private static T Combine<T>(T a, T b, bool gcd) where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        var g = Gcd(Int128.CreateChecked(a), Int128.CreateChecked(b));
        Int128 result;
        if (gcd)
            result = g;
        else
            result = g == 0 ? 0 : Int128.Abs(Int128.CreateChecked(a) / g * Int128.CreateChecked(b));
        if (result > Int128.CreateChecked(T.MaxValue))
            throw new ExecutionException(SqlState.NumericValueOutOfRange, typeof(T) == typeof(int) ? "integer out of range" : "bigint out of range");
        return T.CreateChecked(result);
    }

    private static Int128 Gcd(Int128 a, Int128 b)
    {
        a = Int128.Abs(a);
        b = Int128.Abs(b);
        while (b != 0)
            (a, b) = (b, a % b);
        return a;
    }

    /// <summary>VND's numeric holds 28 digits, so 27! is the largest factorial it can give.</summary>
    private static decimal Factorial(long n)
    {
        if (n < 0)
            throw new ExecutionException(SqlState.NumericValueOutOfRange, "factorial of a negative number is undefined");
        if (n > 27)
            throw new ExecutionException(SqlState.NumericValueOutOfRange, "value overflows numeric format");
        decimal result = 1;
        for (var k = 2; k <= n; k++)
            result *= k;
        return result;
    }

    private static Expression Pair(string name, SqlType type, IReadOnlyList<Expression> a, RowBody body) =>
        new FunctionExpression(name, type, [TypeUnification.To(a[0], type), TypeUnification.To(a[1], type)], (args, r, rows) =>
            RowKernel.Each(args, r, rows, body));
}
