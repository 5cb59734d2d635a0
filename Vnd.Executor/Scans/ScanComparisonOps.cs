using System.Numerics;
using System.Runtime.Intrinsics;

namespace Vnd.Executor.Scans;

/// <summary>One comparison operator as a SIMD lane test and a scalar test, for <see cref="ScanComparison{T, TOp}"/>.</summary>
public interface IScanTest<T> where T : unmanaged, INumber<T>
{
    static abstract Vector256<T> Lanes(Vector256<T> values, Vector256<T> constant);

    static abstract bool Test(T value, T constant);

    /// <summary>The test's result for every value when the constant is below every value of the stored type.</summary>
    static abstract bool ConstantBelow { get; }

    /// <summary>The test's result for every value when the constant is above every value of the stored type.</summary>
    static abstract bool ConstantAbove { get; }

    /// <summary>The same operator over a stored (narrower) type: <see cref="ScanMask.Of{T, TTest}"/> with it.</summary>
    static abstract void Mask<TStored>(ReadOnlySpan<TStored> values, TStored constant, Span<ulong> bits, bool first)
        where TStored : unmanaged, INumber<TStored>;
}

public readonly struct ScanEqual<T> : IScanTest<T> where T : unmanaged, INumber<T>
{
    public static Vector256<T> Lanes(Vector256<T> values, Vector256<T> constant) => Vector256.Equals(values, constant);
    public static bool Test(T value, T constant) => value == constant;
    public static bool ConstantBelow => false;
    public static bool ConstantAbove => false;
    public static void Mask<TStored>(ReadOnlySpan<TStored> values, TStored constant, Span<ulong> bits, bool first)
        where TStored : unmanaged, INumber<TStored> => ScanMask.Of<TStored, ScanEqual<TStored>>(values, constant, bits, first);
}

public readonly struct ScanNotEqual<T> : IScanTest<T> where T : unmanaged, INumber<T>
{
    public static Vector256<T> Lanes(Vector256<T> values, Vector256<T> constant) => ~Vector256.Equals(values, constant);
    public static bool Test(T value, T constant) => value != constant;
    public static bool ConstantBelow => true;
    public static bool ConstantAbove => true;
    public static void Mask<TStored>(ReadOnlySpan<TStored> values, TStored constant, Span<ulong> bits, bool first)
        where TStored : unmanaged, INumber<TStored> => ScanMask.Of<TStored, ScanNotEqual<TStored>>(values, constant, bits, first);
}

public readonly struct ScanLess<T> : IScanTest<T> where T : unmanaged, INumber<T>
{
    public static Vector256<T> Lanes(Vector256<T> values, Vector256<T> constant) => Vector256.LessThan(values, constant);
    public static bool Test(T value, T constant) => value < constant;
    public static bool ConstantBelow => false;
    public static bool ConstantAbove => true;
    public static void Mask<TStored>(ReadOnlySpan<TStored> values, TStored constant, Span<ulong> bits, bool first)
        where TStored : unmanaged, INumber<TStored> => ScanMask.Of<TStored, ScanLess<TStored>>(values, constant, bits, first);
}

public readonly struct ScanLessOrEqual<T> : IScanTest<T> where T : unmanaged, INumber<T>
{
    public static Vector256<T> Lanes(Vector256<T> values, Vector256<T> constant) => Vector256.LessThanOrEqual(values, constant);
    public static bool Test(T value, T constant) => value <= constant;
    public static bool ConstantBelow => false;
    public static bool ConstantAbove => true;
    public static void Mask<TStored>(ReadOnlySpan<TStored> values, TStored constant, Span<ulong> bits, bool first)
        where TStored : unmanaged, INumber<TStored> => ScanMask.Of<TStored, ScanLessOrEqual<TStored>>(values, constant, bits, first);
}

public readonly struct ScanGreater<T> : IScanTest<T> where T : unmanaged, INumber<T>
{
    public static Vector256<T> Lanes(Vector256<T> values, Vector256<T> constant) => Vector256.GreaterThan(values, constant);
    public static bool Test(T value, T constant) => value > constant;
    public static bool ConstantBelow => true;
    public static bool ConstantAbove => false;
    public static void Mask<TStored>(ReadOnlySpan<TStored> values, TStored constant, Span<ulong> bits, bool first)
        where TStored : unmanaged, INumber<TStored> => ScanMask.Of<TStored, ScanGreater<TStored>>(values, constant, bits, first);
}

public readonly struct ScanGreaterOrEqual<T> : IScanTest<T> where T : unmanaged, INumber<T>
{
    public static Vector256<T> Lanes(Vector256<T> values, Vector256<T> constant) => Vector256.GreaterThanOrEqual(values, constant);
    public static bool Test(T value, T constant) => value >= constant;
    public static bool ConstantBelow => true;
    public static bool ConstantAbove => false;
    public static void Mask<TStored>(ReadOnlySpan<TStored> values, TStored constant, Span<ulong> bits, bool first)
        where TStored : unmanaged, INumber<TStored> => ScanMask.Of<TStored, ScanGreaterOrEqual<TStored>>(values, constant, bits, first);
}
