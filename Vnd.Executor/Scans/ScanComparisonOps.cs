using System.Numerics;
using System.Runtime.Intrinsics;

namespace Vnd.Executor.Scans;

/// <summary>One comparison operator as a SIMD lane test and a scalar test, for <see cref="ScanComparison{T, TOp}"/>.</summary>
public interface IScanTest<T> where T : unmanaged, INumber<T>
{
    static abstract Vector256<T> Lanes(Vector256<T> values, Vector256<T> constant);

    static abstract bool Test(T value, T constant);
}

public readonly struct ScanEqual<T> : IScanTest<T> where T : unmanaged, INumber<T>
{
    public static Vector256<T> Lanes(Vector256<T> values, Vector256<T> constant) => Vector256.Equals(values, constant);
    public static bool Test(T value, T constant) => value == constant;
}

public readonly struct ScanNotEqual<T> : IScanTest<T> where T : unmanaged, INumber<T>
{
    public static Vector256<T> Lanes(Vector256<T> values, Vector256<T> constant) => ~Vector256.Equals(values, constant);
    public static bool Test(T value, T constant) => value != constant;
}

public readonly struct ScanLess<T> : IScanTest<T> where T : unmanaged, INumber<T>
{
    public static Vector256<T> Lanes(Vector256<T> values, Vector256<T> constant) => Vector256.LessThan(values, constant);
    public static bool Test(T value, T constant) => value < constant;
}

public readonly struct ScanLessOrEqual<T> : IScanTest<T> where T : unmanaged, INumber<T>
{
    public static Vector256<T> Lanes(Vector256<T> values, Vector256<T> constant) => Vector256.LessThanOrEqual(values, constant);
    public static bool Test(T value, T constant) => value <= constant;
}

public readonly struct ScanGreater<T> : IScanTest<T> where T : unmanaged, INumber<T>
{
    public static Vector256<T> Lanes(Vector256<T> values, Vector256<T> constant) => Vector256.GreaterThan(values, constant);
    public static bool Test(T value, T constant) => value > constant;
}

public readonly struct ScanGreaterOrEqual<T> : IScanTest<T> where T : unmanaged, INumber<T>
{
    public static Vector256<T> Lanes(Vector256<T> values, Vector256<T> constant) => Vector256.GreaterThanOrEqual(values, constant);
    public static bool Test(T value, T constant) => value >= constant;
}
