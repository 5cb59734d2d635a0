using System.Numerics;

namespace Vnd.Executor.Expressions;

// Numeric casts. Out-of-range values raise OverflowException, which CastExpression reports as 22003 for the
// target type. Float to integer rounds half to even (PostgreSQL uses rint); numeric to integer rounds half away
// from zero, as PostgreSQL's numeric does.

public readonly struct WidenOp<TIn, TOut> : IUnaryOp<TIn, TOut>
    where TIn : INumberBase<TIn>
    where TOut : INumberBase<TOut>
{
    public static TOut Apply(TIn value) => TOut.CreateChecked(value);
}

/// <summary>numeric → float8: PostgreSQL's numeric has no negative zero, so decimal's -0.0 becomes +0 (adding
/// +0.0 does exactly that and nothing else).</summary>
public readonly struct DecimalToDoubleOp : IUnaryOp<decimal, double>
{
    public static double Apply(decimal value) => (double)value + 0.0;
}

public readonly struct FloatToIntegerOp<TOut> : IUnaryOp<double, TOut> where TOut : INumberBase<TOut>
{
    public static TOut Apply(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            throw new OverflowException();
        return TOut.CreateChecked(Math.Round(value, MidpointRounding.ToEven));
    }
}

public readonly struct DecimalToIntegerOp<TOut> : IUnaryOp<decimal, TOut> where TOut : INumberBase<TOut>
{
    public static TOut Apply(decimal value) => TOut.CreateChecked(Math.Round(value, MidpointRounding.AwayFromZero));
}

public readonly struct FloatToDecimalOp : IUnaryOp<double, decimal>
{
    public static decimal Apply(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            throw new OverflowException();
        return (decimal)value;
    }
}

public readonly struct BoolToIntOp : IUnaryOp<byte, int>
{
    public static int Apply(byte value) => value;
}

public readonly struct IntToBoolOp : IUnaryOp<int, byte>
{
    public static byte Apply(int value) => value != 0 ? (byte)1 : (byte)0;
}

/// <summary>timestamp(µs) → timestamp(ns); an infinity stays PostgreSQL's sentinel in either unit.</summary>
public readonly struct ScaleOp : IUnaryOp<long, long>
{
    public static long Apply(long value) => Vnd.Executor.Vectors.TemporalInfinity.IsTimestamp(value) ? value : checked(value * 1000);
}

/// <summary>timestamp(ns) → timestamp(µs), flooring; an infinity stays the sentinel.</summary>
public readonly struct UnscaleOp : IUnaryOp<long, long>
{
    public static long Apply(long value) =>
        Vnd.Executor.Vectors.TemporalInfinity.IsTimestamp(value) ? value : Vnd.Executor.Vectors.TimeUnits.FloorDiv(value, 1000);
}

/// <summary>timestamp(µs) → time: the time of day of the stored (UTC for timestamptz) instant.</summary>
public readonly struct MicrosTimeOfDayOp : IUnaryOp<long, long>
{
    public static long Apply(long value) => TimeOfDay.OfTimestamp(value);
}

/// <summary>timestamp(ns) → time: truncated to microseconds like every other conversion out of nanoseconds.</summary>
public readonly struct NanosTimeOfDayOp : IUnaryOp<long, long>
{
    public static long Apply(long value) => TimeOfDay.OfTimestamp(Vnd.Executor.Vectors.TimeUnits.FloorDiv(value, 1000));
}
