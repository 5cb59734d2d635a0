using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// Functions over typed arrays (<see cref="ArrayLayout"/> values): the subscript a[n] (the binder's array_element:
/// NULL out of range, as in PostgreSQL) and x = ANY(a) (array_any, <see cref="ArrayQuantified"/>'s kernel). Both
/// read the elements in place from the array's bytes: a constant array parameter probed by every row of a scan
/// costs no decoding and no allocation.
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
        (Any, 2) when a[1].Type.Id == TypeId.Array && ArrayQuantified.Kernel("eq", a[0].PhysicalType, all: false) is { } any =>
            new FunctionExpression(name, SqlType.Bool, a, any),
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
}
