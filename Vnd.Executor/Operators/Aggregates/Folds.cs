using System.Numerics;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>One associative operation of a <see cref="FoldAccumulator{T, TFold}"/>.</summary>
public interface IFold<T>
{
    static abstract T Combine(T state, T value);
}

public readonly struct MinFold<T, TOrder> : IFold<T> where TOrder : struct, IValueOrder<T>
{
    public static T Combine(T state, T value) => TOrder.Compare(value, state) < 0 ? value : state;
}

public readonly struct MaxFold<T, TOrder> : IFold<T> where TOrder : struct, IValueOrder<T>
{
    public static T Combine(T state, T value) => TOrder.Compare(value, state) > 0 ? value : state;
}

/// <summary>bit_and, and bool_and over the 0/1 bytes of a bool vector.</summary>
public readonly struct AndFold<T> : IFold<T> where T : IBitwiseOperators<T, T, T>
{
    public static T Combine(T state, T value) => state & value;
}

/// <summary>bit_xor.</summary>
public readonly struct XorFold<T> : IFold<T> where T : IBitwiseOperators<T, T, T>
{
    public static T Combine(T state, T value) => state ^ value;
}

/// <summary>bit_or, and bool_or over the 0/1 bytes of a bool vector.</summary>
public readonly struct OrFold<T> : IFold<T> where T : IBitwiseOperators<T, T, T>
{
    public static T Combine(T state, T value) => state | value;
}
