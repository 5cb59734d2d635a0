using Vnd.Planner.Errors;
namespace Vnd.Executor.Expressions;

// Math function bodies. Domain errors carry PostgreSQL's SQLSTATEs and messages.

public readonly struct CeilOp : IUnaryOp<double, double> { public static double Apply(double v) => Math.Ceiling(v); }
public readonly struct FloorOp : IUnaryOp<double, double> { public static double Apply(double v) => Math.Floor(v); }
/// <summary>round(float8) is C's rint in PostgreSQL: halves go to the even neighbour (round(2.5::float8) = 2).</summary>
public readonly struct RoundOp : IUnaryOp<double, double> { public static double Apply(double v) => Math.Round(v, MidpointRounding.ToEven); }
public readonly struct TruncOp : IUnaryOp<double, double> { public static double Apply(double v) => Math.Truncate(v); }
public readonly struct AbsOp : IUnaryOp<double, double> { public static double Apply(double v) => Math.Abs(v); }
public readonly struct SignOp : IUnaryOp<double, double> { public static double Apply(double v) => double.IsNaN(v) ? v : Math.Sign(v); }
public readonly struct ExpOp : IUnaryOp<double, double> { public static double Apply(double v) => Math.Exp(v); }

public readonly struct DecimalCeilOp : IUnaryOp<decimal, decimal> { public static decimal Apply(decimal v) => Math.Ceiling(v); }
public readonly struct DecimalFloorOp : IUnaryOp<decimal, decimal> { public static decimal Apply(decimal v) => Math.Floor(v); }
public readonly struct DecimalRoundOp : IUnaryOp<decimal, decimal> { public static decimal Apply(decimal v) => Math.Round(v, MidpointRounding.AwayFromZero); }
public readonly struct DecimalTruncOp : IUnaryOp<decimal, decimal> { public static decimal Apply(decimal v) => Math.Truncate(v); }
public readonly struct DecimalAbsOp : IUnaryOp<decimal, decimal> { public static decimal Apply(decimal v) => Math.Abs(v); }
public readonly struct DecimalSignOp : IUnaryOp<decimal, decimal> { public static decimal Apply(decimal v) => Math.Sign(v); }

public readonly struct IntegerAbsOp<T> : IUnaryOp<T, T> where T : System.Numerics.INumber<T>
{
    public static T Apply(T v) => T.IsNegative(v) ? checked(-v) : v;
}

public readonly struct IntegerSignOp<T> : IUnaryOp<T, T> where T : System.Numerics.INumber<T>
{
    public static T Apply(T v) => T.CreateTruncating(T.Sign(v));
}

public readonly struct SqrtOp : IUnaryOp<double, double>
{
    public static double Apply(double v)
    {
        if (v < 0)
            throw new ExecutionException(SqlState.InvalidArgumentForPower, "cannot take square root of a negative number");
        return Math.Sqrt(v);
    }
}

public readonly struct LnOp : IUnaryOp<double, double>
{
    public static double Apply(double v) => Math.Log(LogOps.Check(v));
}

public readonly struct Log10Op : IUnaryOp<double, double>
{
    public static double Apply(double v) => Math.Log10(LogOps.Check(v));
}

public readonly struct LogBaseOp : IBinaryOp<double, double, double>
{
    public static double Apply(double b, double v) => Math.Log(LogOps.Check(v)) / Math.Log(LogOps.Check(b));
}

public readonly struct PowerOp : IBinaryOp<double, double, double>
{
    public static double Apply(double x, double y)
    {
        if (x == 0 && y < 0)
            throw new ExecutionException(SqlState.InvalidArgumentForPower, "zero raised to a negative power is undefined");
        if (x < 0 && Math.Floor(y) != y)
            throw new ExecutionException(SqlState.InvalidArgumentForPower, "a negative number raised to a non-integer power yields a complex result");
        return Math.Pow(x, y);
    }
}

public readonly struct DecimalRoundToOp : IBinaryOp<decimal, int, decimal>
{
    // The result shows exactly max(digits, 0) fraction digits, as PostgreSQL's round_var sets dscale
    // (round(2.5, 2) is 2.50).
    public static decimal Apply(decimal v, int digits) => digits >= 0
        ? Vectors.NumericDivision.WithScale(Math.Round(v, Math.Min(digits, 28), MidpointRounding.AwayFromZero), Math.Min(digits, 28))
        : Math.Round(v / Pow10(-digits), MidpointRounding.AwayFromZero) * Pow10(-digits);

    internal static decimal Pow10(int n)
    {
        var p = 1m;
        for (var i = 0; i < n; i++)
            p *= 10;
        return p;
    }
}

public readonly struct DecimalTruncToOp : IBinaryOp<decimal, int, decimal>
{
    public static decimal Apply(decimal v, int digits)
    {
        var scale = DecimalRoundToOp.Pow10(Math.Abs(digits));
        return digits >= 0
            ? Vectors.NumericDivision.WithScale(Math.Truncate(v * scale) / scale, Math.Min(digits, 28))
            : Math.Truncate(v / scale) * scale;
    }
}

internal static class LogOps
{
    public static double Check(double v) => v switch
    {
        0 => throw new ExecutionException(SqlState.InvalidArgumentForLogarithm, "cannot take logarithm of zero"),
        < 0 => throw new ExecutionException(SqlState.InvalidArgumentForLogarithm, "cannot take logarithm of a negative number"),
        _ => v,
    };
}
