using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Apache.Arrow;
using Vnd.Executor.Expressions;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Scans;

/// <summary>
/// <see cref="ScanComparison"/> over values of <typeparamref name="T"/>: 256-bit lanes compared against the constant,
/// their mask bits gathered into one word per 64 rows.
/// </summary>
public sealed class ScanComparison<T, TTest>(int column, T constant, Expression source) : ScanComparison(column, source)
    where T : unmanaged, INumber<T>
    where TTest : IScanTest<T>
{
    public override void Mask(IArrowArray array, int start, int count, Span<ulong> bits, bool first)
    {
        var values = Values(array).Slice(start, count);
        ref var value = ref MemoryMarshal.GetReference(values);
        var lanes = Vector256.Create(constant);
        var simd = Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported;
        for (var w = 0; w * 64 < count; w++)
        {
            if (!first && bits[w] == 0)
                continue;
            var from = w * 64;
            var to = Math.Min(from + 64, count);
            ulong word = 0;
            var r = from;
            // 64 rows are 4, 8 or 16 whole vectors of int8, int4/IPv4 or int2 lanes.
            if (simd && to - from == 64)
            {
                for (; r < to; r += Vector256<T>.Count)
                    word |= (ulong)TTest.Lanes(Vector256.LoadUnsafe(ref value, (nuint)r), lanes).ExtractMostSignificantBits() << (r - from);
            }
            for (; r < to; r++)
                word |= (TTest.Test(values[r], constant) ? 1UL : 0UL) << (r - from);
            bits[w] = first ? word : bits[w] & word;
        }
        if (array.NullCount > 0)
            ClearNulls(array, start, count, bits);
    }

    /// <summary>The column's values; the storage layout (<see cref="Storage.ArrowTypeMapping"/>) fixes the array type.</summary>
    private static ReadOnlySpan<T> Values(IArrowArray array) => array is PrimitiveArray<T> primitive
        ? primitive.Values
        : throw new ExecutionException(SqlState.InternalError,
            $"scan filter on a {typeof(T).Name} column met a stored {array.Data.DataType.Name} array");
}
