using System.Numerics;

namespace Vnd.Executor.Expressions;

// Comparison operators producing a bool byte. Primitive numbers use their operators; PgInterval and InetValue
// go through IComparable (PostgreSQL's ordering rules live in their CompareTo).

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

public readonly struct CompareToOp<T, TTest> : IBinaryOp<T, T, byte>
    where T : IComparable<T>
    where TTest : IOrderTest
{
    public static byte Apply(T left, T right) => TTest.Test(left.CompareTo(right)) ? (byte)1 : (byte)0;
}
