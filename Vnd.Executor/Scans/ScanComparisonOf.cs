using System.Numerics;
using Apache.Arrow;
using Vnd.Executor.Expressions;
using Vnd.Planner.Errors;

namespace Vnd.Executor.Scans;

/// <summary>
/// <see cref="ScanComparison"/> over values of <typeparamref name="T"/>: 256-bit lanes compared against the constant,
/// their mask bits gathered into one word per 64 rows (<see cref="ScanMask"/>). A segment may store an integer column
/// narrower than <typeparamref name="T"/> (<see cref="Storage.StoredIntegerType"/>): the test then runs on the stored
/// values against the constant in their type — more lanes per vector — or, for a constant outside that type's range,
/// gives the same answer for every row without reading them. Stored offsets from a base are tested against the
/// constant minus the base: subtracting one number from both sides keeps every comparison's answer.
/// </summary>
public sealed class ScanComparison<T, TTest>(int column, T constant, Expression source) : ScanComparison(column, source)
    where T : unmanaged, INumber<T>
    where TTest : IScanTest<T>
{
    public override void Mask(IArrowArray array, long @base, int start, int count, Span<ulong> bits, bool first)
    {
        switch (array)
        {
            case PrimitiveArray<T> a when @base == 0: ScanMask.Of<T, TTest>(a.Values.Slice(start, count), constant, bits, first); break;
            case UInt8Array a: Stored(a.Values.Slice(start, count), @base, bits, first); break;
            case Int8Array a: Stored(a.Values.Slice(start, count), @base, bits, first); break;
            case UInt16Array a: Stored(a.Values.Slice(start, count), @base, bits, first); break;
            case Int16Array a: Stored(a.Values.Slice(start, count), @base, bits, first); break;
            case UInt32Array a: Stored(a.Values.Slice(start, count), @base, bits, first); break;
            case Int32Array a: Stored(a.Values.Slice(start, count), @base, bits, first); break;
            default:
                throw new ExecutionException(SqlState.InternalError,
                    $"scan filter on a {typeof(T).Name} column met a stored {array.Data.DataType.Name} array");
        }
        if (array.NullCount > 0)
            ClearNulls(array, start, count, bits);
    }

    /// <summary>The test on values stored as <typeparamref name="TStored"/> (offsets from <paramref name="base"/>), which hold every value of the column's segment.</summary>
    private void Stored<TStored>(ReadOnlySpan<TStored> values, long @base, Span<ulong> bits, bool first)
        where TStored : unmanaged, INumber<TStored>, IMinMaxValue<TStored>
    {
        var wide = Int128.CreateTruncating(constant) - @base;
        if (wide < Int128.CreateTruncating(TStored.MinValue))
            ScanMask.All(values.Length, TTest.ConstantBelow, bits, first);
        else if (wide > Int128.CreateTruncating(TStored.MaxValue))
            ScanMask.All(values.Length, TTest.ConstantAbove, bits, first);
        else
            TTest.Mask(values, TStored.CreateTruncating(wide), bits, first);
    }
}
