using System.Numerics;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Expressions;

// Comparison operators producing a bool byte. Integers use their operators; float8 (NaN equal to itself and greater
// than everything), PgInterval and InetValue go through an IValueOrder (PostgreSQL's ordering rules).

public readonly struct EqualOp<T> : IBinaryOp<T, T, byte> where T : IComparisonOperators<T, T, bool>
{
    public static byte Apply(T left, T right) => left == right ? (byte)1 : (byte)0;
}

public readonly struct NotEqualOp<T> : IBinaryOp<T, T, byte> where T : IComparisonOperators<T, T, bool>
{
    public static byte Apply(T left, T right) => left != right ? (byte)1 : (byte)0;
}

public readonly struct LessOp<T> : IBinaryOp<T, T, byte> where T : IComparisonOperators<T, T, bool>
{
    public static byte Apply(T left, T right) => left < right ? (byte)1 : (byte)0;
}

public readonly struct LessOrEqualOp<T> : IBinaryOp<T, T, byte> where T : IComparisonOperators<T, T, bool>
{
    public static byte Apply(T left, T right) => left <= right ? (byte)1 : (byte)0;
}

public readonly struct GreaterOp<T> : IBinaryOp<T, T, byte> where T : IComparisonOperators<T, T, bool>
{
    public static byte Apply(T left, T right) => left > right ? (byte)1 : (byte)0;
}

public readonly struct GreaterOrEqualOp<T> : IBinaryOp<T, T, byte> where T : IComparisonOperators<T, T, bool>
{
    public static byte Apply(T left, T right) => left >= right ? (byte)1 : (byte)0;
}

/// <summary>Turns a three-way comparison result into the outcome of one operator.</summary>
public interface IOrderTest
{
    static abstract bool Test(int comparison);
}

public readonly struct IsEqual : IOrderTest { public static bool Test(int c) => c == 0; }
public readonly struct IsNotEqual : IOrderTest { public static bool Test(int c) => c != 0; }
public readonly struct IsLess : IOrderTest { public static bool Test(int c) => c < 0; }
public readonly struct IsLessOrEqual : IOrderTest { public static bool Test(int c) => c <= 0; }
public readonly struct IsGreater : IOrderTest { public static bool Test(int c) => c > 0; }
public readonly struct IsGreaterOrEqual : IOrderTest { public static bool Test(int c) => c >= 0; }

/// <summary>A comparison through an explicit ordering: PgInterval/InetValue's CompareTo, and float8's (NaN greatest).</summary>
public readonly struct OrderedCompareOp<T, TOrder, TTest> : IBinaryOp<T, T, byte>
    where TOrder : struct, IValueOrder<T>
    where TTest : IOrderTest
{
    public static byte Apply(T left, T right) => TTest.Test(TOrder.Compare(left, right)) ? (byte)1 : (byte)0;
}
