using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// PostgreSQL's float8 trigonometric and hyperbolic functions, cbrt, pi, degrees and radians, with its domain errors:
/// an argument outside a function's domain (sin(∞), asin(2), acosh(0.5), atanh(2)) is 22003 "input is out of range"
/// rather than NaN; NaN in gives NaN out.
/// </summary>
internal static class TrigonometricFunctions
{
    /// <summary>PostgreSQL's RADIANS_PER_DEGREE, so degrees() and radians() round as it does.</summary>
    private const double RadiansPerDegree = 0.0174532925199432957692;

    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        switch (name)
        {
            case "pi" when a.Count == 0:
                return Expr.Constant(Math.PI, SqlType.Float8);
            case "atan2" when a.Count == 2:
                return new FunctionExpression(name, SqlType.Float8, [Float(a[0]), Float(a[1])], static (args, r, rows) =>
                    RowKernel.Each(args, r, rows, static (args, r, i) => r.Set(i, Math.Atan2(args[0].Get<double>(i), args[1].Get<double>(i)))));
        }
        if (a.Count != 1)
            return null;
        Func<double, double>? f = name switch
        {
            "sin" => x => Math.Sin(Periodic(x)),
            "cos" => x => Math.Cos(Periodic(x)),
            "tan" => x => Math.Tan(Periodic(x)),
            "cot" => x => 1.0 / Math.Tan(Periodic(x)),
            "asin" => x => Math.Asin(Within(x, -1, 1)),
            "acos" => x => Math.Acos(Within(x, -1, 1)),
            "atan" => Math.Atan,
            "sinh" => Math.Sinh,
            "cosh" => Math.Cosh,
            "tanh" => Math.Tanh,
            "asinh" => Math.Asinh,
            "acosh" => x => Math.Acosh(Within(x, 1, double.PositiveInfinity)),
            "atanh" => x => Math.Atanh(Within(x, -1, 1)),
            "cbrt" => Math.Cbrt,
            "degrees" => Degrees,
            "radians" => x => x * RadiansPerDegree,
            _ => null,
        };
        return f is null
            ? null
            : new FunctionExpression(name, SqlType.Float8, [Float(a[0])], (args, r, rows) =>
                RowKernel.Each(args, r, rows, (args, r, i) => r.Set(i, f(args[0].Get<double>(i)))));
    }

    /// <summary>sin, cos, tan and cot of ±∞ have no value.</summary>
    private static double Periodic(double x) => double.IsInfinity(x) ? throw OutOfRange() : x;

    private static double Within(double x, double low, double high) => x < low || x > high ? throw OutOfRange() : x;

    /// <summary>PostgreSQL divides by radians per degree with float8_div, whose overflow check is an error
    /// (the hyperbolic functions instead return ±∞ on overflow, and tan and cot may be ∞).</summary>
    private static double Degrees(double x)
    {
        var result = x / RadiansPerDegree;
        return double.IsInfinity(result) && double.IsFinite(x) ? throw Overflow() : result;
    }

    private static ExecutionException OutOfRange() => new(SqlState.NumericValueOutOfRange, "input is out of range");

    private static ExecutionException Overflow() => new(SqlState.NumericValueOutOfRange, "value out of range: overflow");

    private static Expression Float(Expression e) => TypeUnification.To(e, SqlType.Float8);
}
