using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// Functions over typed arrays (<see cref="ArrayLayout"/> values): the subscript a[n] (the binder's array_element:
/// NULL out of range, as in PostgreSQL) and x = ANY(a) (array_any). Both read the elements in place from the
/// array's bytes: a constant array parameter probed by every row of a scan costs no decoding and no allocation.
/// </summary>
internal static class ArrayFunctions
{
    /// <summary>The executor name of a[n] over a typed array; the binder emits it, SQL cannot call it.</summary>
    public const string Element = "array_element";

    /// <summary>The executor name of x = ANY(a) over a typed array; the binder emits it, SQL cannot call it.</summary>
    public const string Any = "array_any";

    public static Expression? Resolve(string name, IReadOnlyList<Expression> a) => (name, a.Count) switch
    {
        (Element, 2) when a[0].Type.Id == TypeId.Array =>
            new FunctionExpression(name, a[0].Type.Element!, [a[0], TypeUnification.To(a[1], SqlType.Int4)], Subscript),
        (Any, 2) when a[1].Type.Id == TypeId.Array => new FunctionExpression(name, SqlType.Bool, a, AnyKernel(a[0].Type)),
        _ => null,
    };

    private static void Subscript(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows)
    {
        RowKernel.Prepare(args, result);
        var variable = result.PhysicalType == PhysicalType.VarBytes;
        var size = variable ? 0 : PhysicalTypes.SizeOf(result.PhysicalType);
        foreach (var i in rows)
        {
            if (RowKernel.AnyNull(args, i))
            {
                result.SetNull(i);
                continue;
            }
            var array = args[0].GetBytes(i);
            var index = (long)args[1].Get<int>(i) - 1;
            if (index < 0 || index >= ArrayLayout.Count(array) || ArrayLayout.IsNull(array, (int)index))
            {
                result.SetNull(i);
                continue;
            }
            if (variable)
            {
                result.SetBytes(i, ArrayLayout.Bytes(array, (int)index));
                continue;
            }
            result.Validity.SetValid(i);
            ArrayLayout.Values(array).Slice((int)index * size, size).CopyTo(result.Data<byte>()[(i * size)..]);
        }
    }

    private static FunctionKernel AnyKernel(SqlType element) => PhysicalTypes.Of(element) switch
    {
        PhysicalType.Bool => AnyOf<Fixed<byte>>,
        PhysicalType.Int16 => AnyOf<Fixed<short>>,
        PhysicalType.Int32 or PhysicalType.Inet4 => AnyOf<Fixed<int>>,
        PhysicalType.Int64 or PhysicalType.MacAddr => AnyOf<Fixed<long>>,
        PhysicalType.Float64 => AnyOf<Fixed<double>>,
        PhysicalType.Decimal => AnyOf<Fixed<decimal>>,
        PhysicalType.Interval => AnyOf<Fixed<PgInterval>>,
        PhysicalType.Inet => AnyOf<Fixed<InetValue>>,
        _ => AnyOf<Bytes>,
    };

    /// <summary>
    /// x = ANY(a): true when an element equals x; else NULL when x, an element or the array is NULL; else false
    /// (an empty array is false even for a NULL x). Values compare with their type's equality (1.0 = 1.00, NaN = NaN).
    /// </summary>
    private static void AnyOf<TEquality>(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows) where TEquality : IElementEquality
    {
        RowKernel.Prepare(args, result);
        foreach (var i in rows)
        {
            if (args[1].IsNull(i))
            {
                result.SetNull(i);
                continue;
            }
            var array = args[1].GetBytes(i);
            var count = ArrayLayout.Count(array);
            var sawNull = args[0].IsNull(i) && count > 0;
            var found = false;
            for (var k = 0; k < count && !found && !args[0].IsNull(i); k++)
            {
                if (ArrayLayout.IsNull(array, k))
                    sawNull = true;
                else
                    found = TEquality.Equal(args[0], i, array, k);
            }
            Answer(result, i, found, sawNull);
        }
    }

    /// <summary>Element k of an array against row i of a vector of the element type, without boxing.</summary>
    private interface IElementEquality
    {
        static abstract bool Equal(Vector value, int row, ReadOnlySpan<byte> array, int k);
    }

    private readonly struct Fixed<T> : IElementEquality where T : unmanaged, IEquatable<T>
    {
        public static bool Equal(Vector value, int row, ReadOnlySpan<byte> array, int k) => ArrayLayout.Get<T>(array, k).Equals(value.Get<T>(row));
    }

    private readonly struct Bytes : IElementEquality
    {
        public static bool Equal(Vector value, int row, ReadOnlySpan<byte> array, int k) => ArrayLayout.Bytes(array, k).SequenceEqual(value.GetBytes(row));
    }

    private static void Answer(Vector result, int row, bool found, bool sawNull)
    {
        if (found)
            result.Set(row, (byte)1);
        else if (sawNull)
            result.SetNull(row);
        else
            result.Set(row, (byte)0);
    }
}
