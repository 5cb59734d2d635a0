using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Apache.Arrow;
using Vnd.Executor.Expressions;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Scans;

/// <summary>
/// <see cref="ScanComparison"/> over values of <typeparamref name="T"/>: 256-bit lanes compared against the constant,
/// the passing lanes' offsets taken from the mask bit by bit (cheap when few pass, one store per row when all do).
/// </summary>
public sealed class ScanComparison<T, TTest>(int column, T constant, Expression source) : ScanComparison(column, source)
    where T : unmanaged, INumber<T>
    where TTest : IScanTest<T>
{
    public override int Select(IArrowArray array, int start, int count, Span<int> selection)
    {
        var values = Values(array).Slice(start, count);
        var kept = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            var lanes = Vector256.Create(constant);
            ref var first = ref MemoryMarshal.GetReference(values);
            for (; i <= values.Length - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                var mask = TTest.Lanes(Vector256.LoadUnsafe(ref first, (nuint)i), lanes).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    selection[kept++] = i + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                }
            }
        }
        for (; i < values.Length; i++)
        {
            selection[kept] = i;
            kept += TTest.Test(values[i], constant) ? 1 : 0;
        }
        return array.NullCount == 0 ? kept : DropNulls(array, start, selection, kept);
    }

    public override int Refine(IArrowArray array, int start, Span<int> selection, int kept)
    {
        var values = Values(array)[start..];
        var live = 0;
        for (var k = 0; k < kept; k++)
        {
            var offset = selection[k];
            selection[live] = offset;
            live += TTest.Test(values[offset], constant) ? 1 : 0;
        }
        return array.NullCount == 0 ? live : DropNulls(array, start, selection, live);
    }

    /// <summary>The column's values; the storage layout (<see cref="Storage.ArrowTypeMapping"/>) fixes the array type.</summary>
    private static ReadOnlySpan<T> Values(IArrowArray array) => array is PrimitiveArray<T> primitive
        ? primitive.Values
        : throw new ExecutionException(SqlState.InternalError,
            $"scan filter on a {typeof(T).Name} column met a stored {array.Data.DataType.Name} array");
}
