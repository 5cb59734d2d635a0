using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// The typed-array operators a @&gt; b (contains), a &lt;@ b (is contained by) and a &amp;&amp; b (overlap), as PostgreSQL's
/// array_contain_compare: elements compare by value (0 = -0, 1.0 = 1.00), a NULL element equals nothing, so an
/// array holding a NULL is contained in no array; duplicates do not matter. Both sides have the same array type
/// (the binder requires it, as PostgreSQL's anyarray does).
/// </summary>
internal static class ArrayContainment
{
    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        if (a.Count != 2 || name is not ("@>" or "<@" or "&&") || a[0].Type.Id != TypeId.Array || a[1].Type.Id != TypeId.Array)
            return null;
        var physical = PhysicalTypes.Of(a[0].Type.Element!);
        return name switch
        {
            "@>" => Row(name, a, (x, y) => Contains(x, y, physical)),
            "<@" => Row(name, a, (x, y) => Contains(y, x, physical)),
            _ => Row(name, a, (x, y) => Overlaps(x, y, physical)),
        };
    }

    /// <summary>Every element of <paramref name="inner"/> is non-NULL and equals some element of <paramref name="outer"/>.</summary>
    private static bool Contains(ReadOnlySpan<byte> outer, ReadOnlySpan<byte> inner, PhysicalType physical)
    {
        for (var j = 0; j < ArrayLayout.Count(inner); j++)
        {
            if (ArrayLayout.IsNull(inner, j) || !AnyEqual(outer, inner, j, physical))
                return false;
        }
        return true;
    }

    private static bool Overlaps(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y, PhysicalType physical)
    {
        for (var j = 0; j < ArrayLayout.Count(y); j++)
        {
            if (!ArrayLayout.IsNull(y, j) && AnyEqual(x, y, j, physical))
                return true;
        }
        return false;
    }

    private static bool AnyEqual(ReadOnlySpan<byte> array, ReadOnlySpan<byte> other, int j, PhysicalType physical)
    {
        for (var k = 0; k < ArrayLayout.Count(array); k++)
        {
            if (!ArrayLayout.IsNull(array, k) && ArrayEditFunctions.ElementsEqual(array, k, other, j, physical))
                return true;
        }
        return false;
    }

    private delegate bool ArrayTest(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right);

    private static Expression Row(string name, IReadOnlyList<Expression> a, ArrayTest test) =>
        new FunctionExpression(name, SqlType.Bool, [a[0], a[1]], (args, r, rows) =>
            RowKernel.Each(args, r, rows, (v, result, i) => result.Set(i, (byte)(test(v[0].GetBytes(i), v[1].GetBytes(i)) ? 1 : 0))));
}
