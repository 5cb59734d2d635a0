using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// PostgreSQL's address arithmetic (network.c): inet ± bigint moves the address within its family and keeps the
/// mask length, past either end is 22003 "result is out of range"; inet − inet is the signed distance (the same
/// family only, 22023 otherwise); &amp; and | combine two addresses of one family bit by bit (the longer mask
/// length is kept); ~ complements the address. The addresses are 128-bit numbers here, IPv4 in the low 32 bits.
/// </summary>
internal static class InetArithmetic
{
    public static InetValue Add(InetValue address, long delta, bool subtract)
    {
        var value = Number(address);
        // Negating long.MinValue overflows; as a 128-bit magnitude it doesn't.
        var magnitude = delta < 0 ? (UInt128)(ulong)(-(delta + 1)) + 1 : (UInt128)(ulong)delta;
        var down = subtract ^ (delta < 0);
        var max = Max(address);
        if (down ? magnitude > value : magnitude > max - value)
            throw new ExecutionException(SqlState.NumericValueOutOfRange, "result is out of range");
        return With(address, down ? value - magnitude : value + magnitude);
    }

    public static long Difference(InetValue left, InetValue right)
    {
        if (left.IsV6 != right.IsV6)
            throw new ExecutionException(SqlState.InvalidParameterValue, "cannot subtract inet values of different sizes");
        UInt128 a = Number(left), b = Number(right);
        var magnitude = a >= b ? a - b : b - a;
        if (a >= b ? magnitude > long.MaxValue : magnitude > (UInt128)long.MaxValue + 1)
            throw new ExecutionException(SqlState.NumericValueOutOfRange, "result is out of range");
        return a >= b ? (long)magnitude : (long)(0 - (ulong)magnitude);
    }

    public static InetValue Bitwise(InetValue left, InetValue right, bool and)
    {
        if (left.IsV6 != right.IsV6)
            throw new ExecutionException(SqlState.InvalidParameterValue, $"cannot {(and ? "AND" : "OR")} inet values of different sizes");
        UInt128 a = Number(left), b = Number(right);
        var combined = With(left, and ? a & b : a | b);
        return combined with { Prefix = Math.Max(left.Prefix, right.Prefix) };
    }

    public static InetValue Not(InetValue address) => With(address, ~Number(address) & Max(address));

    private static UInt128 Number(InetValue v) => new(v.IsV6 ? v.High : 0, v.Low);

    private static UInt128 Max(InetValue v) => v.IsV6 ? UInt128.MaxValue : uint.MaxValue;

    private static InetValue With(InetValue v, UInt128 value) =>
        v with { High = v.IsV6 ? (ulong)(value >> 64) : 0, Low = (ulong)value };
}
