using Vnd.Planner.Errors;
namespace Vnd.Executor.Expressions;

// Math function bodies. Domain errors carry PostgreSQL's SQLSTATEs and messages.

public readonly struct CeilOp : IUnaryOp<double, double> { public static double Apply(double v) => Math.Ceiling(v); }
public readonly struct FloorOp : IUnaryOp<double, double> { public static double Apply(double v) => Math.Floor(v); }
/// <summary>round(float8) is C's rint in PostgreSQL: halves go to the even neighbour (round(2.5::float8) = 2).</summary>
public readonly struct RoundOp : IUnaryOp<double, double> { public static double Apply(double v) => Math.Round(v, MidpointRounding.ToEven); }
public readonly struct TruncOp : IUnaryOp<double, double> { public static double Apply(double v) => Math.Truncate(v); }
public readonly struct AbsOp : IUnaryOp<double, double> { public static double Apply(double v) => Math.Abs(v); }
/// <summary>PostgreSQL's dsign: 1 above zero, -1 below, 0 otherwise, NaN included.</summary>
public readonly struct SignOp : IUnaryOp<double, double> { public static double Apply(double v) => v > 0 ? 1 : v < 0 ? -1 : 0; }
/// <summary>exp as PostgreSQL 15's dexp: infinities map to infinity and 0, a finite argument whose result is not
/// finite or is 0 is out of range (22003) rather than Infinity or 0.</summary>
public readonly struct ExpOp : IUnaryOp<double, double>
{
    public static double Apply(double v)
    {
        if (double.IsNaN(v) || double.IsInfinity(v))
            return double.IsNegativeInfinity(v) ? 0 : v;
        var result = Math.Exp(v);
        if (double.IsInfinity(result))
            throw new ExecutionException(SqlState.NumericValueOutOfRange, "value out of range: overflow");
        return result == 0 ? throw new ExecutionException(SqlState.NumericValueOutOfRange, "value out of range: underflow") : result;
    }
}

public readonly struct DecimalCeilOp : IUnaryOp<decimal, decimal> { public static decimal Apply(decimal v) => Math.Ceiling(v); }
public readonly struct DecimalFloorOp : IUnaryOp<decimal, decimal> { public static decimal Apply(decimal v) => Math.Floor(v); }
public readonly struct DecimalRoundOp : IUnaryOp<decimal, decimal> { public static decimal Apply(decimal v) => Math.Round(v, MidpointRounding.AwayFromZero); }
public readonly struct DecimalTruncOp : IUnaryOp<decimal, decimal> { public static decimal Apply(decimal v) => Math.Truncate(v); }
public readonly struct DecimalAbsOp : IUnaryOp<decimal, decimal> { public static decimal Apply(decimal v) => Math.Abs(v); }
public readonly struct DecimalSignOp : IUnaryOp<decimal, decimal> { public static decimal Apply(decimal v) => Math.Sign(v); }

/// <summary>scale(numeric): the digits after the point as the value carries them (a decimal keeps its scale, as a
/// numeric keeps its display scale: 1.50 has 2).</summary>
public readonly struct DecimalScaleOp : IUnaryOp<decimal, int> { public static int Apply(decimal v) => v.Scale; }

/// <summary>min_scale(numeric): the scale without trailing zeros (1.50 → 1, 100 → 0).</summary>
public readonly struct DecimalMinScaleOp : IUnaryOp<decimal, int> { public static int Apply(decimal v) => DecimalTrimScaleOp.Apply(v).Scale; }

/// <summary>trim_scale(numeric): the same value without trailing zeros after the point (1.50 → 1.5, 0.00 → 0).</summary>
public readonly struct DecimalTrimScaleOp : IUnaryOp<decimal, decimal>
{
    public static decimal Apply(decimal v)
    {
        // Strip one zero digit at a time while the unscaled integer is divisible by ten: exact, no rounding, and
        // only as many steps as there are trailing zeros (at most 28).
        var scale = v.Scale;
        if (scale == 0)
            return v;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(v, bits);
        var negative = bits[3] < 0;
        var mantissa = new UInt128((ulong)(uint)bits[2], ((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
        while (scale > 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }
        var low = (ulong)mantissa;
        return new decimal((int)(uint)low, (int)(uint)(low >> 32), (int)(uint)(ulong)(mantissa >> 64), negative && mantissa != 0, (byte)scale);
    }
}

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
        // PostgreSQL's dpow reads NaN first: NaN ^ 0 and 1 ^ NaN are 1, any other power with a NaN is NaN.
        if (double.IsNaN(x))
            return y == 0 ? 1 : double.NaN;
        if (double.IsNaN(y))
            return x == 1 ? 1 : double.NaN;
        if (x == 0 && y < 0)
            throw new ExecutionException(SqlState.InvalidArgumentForPower, "zero raised to a negative power is undefined");
        if (x < 0 && Math.Floor(y) != y)
            throw new ExecutionException(SqlState.InvalidArgumentForPower, "a negative number raised to a non-integer power yields a complex result");
        var result = Math.Pow(x, y);
        // PostgreSQL's dpow: an infinite power of finite numbers is out of range, not Infinity.
        return double.IsInfinity(result) && double.IsFinite(x) && double.IsFinite(y)
            ? throw new ExecutionException(SqlState.NumericValueOutOfRange, "value out of range: overflow")
            : result;
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
