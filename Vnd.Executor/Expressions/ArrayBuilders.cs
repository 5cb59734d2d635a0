using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// Functions that build typed arrays: ARRAY[a, b, …] (the binder's array_construct, elements already of one type)
/// and array_cat (array || array) of two arrays of one element type. Neither is strict: a NULL element is kept,
/// and array_cat returns the other array when one side is NULL, as PostgreSQL does. Each batch gets its own
/// <see cref="ArrayWriter"/> (expressions are shared by parallel workers), so nothing is allocated per row.
/// </summary>
internal static class ArrayBuilders
{
    public static Expression? Resolve(string name, IReadOnlyList<Expression> a) => (name, a.Count) switch
    {
        (ArrayTextBuilders.Constructor, > 0) => new FunctionExpression(name, SqlType.ArrayOf(a[0].Type), a, Construct),
        (ArrayTextBuilders.Concat, 2) when a[0].Type.Id == TypeId.Array && TypesMatch(a[0].Type, a[1].Type) =>
            new FunctionExpression(name, a[0].Type, a, Cat),
        _ => null,
    };

    private static bool TypesMatch(SqlType left, SqlType right) =>
        right.Id == TypeId.Array && PhysicalTypes.Of(left.Element!) == PhysicalTypes.Of(right.Element!);

    private static void Construct(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows)
    {
        RowKernel.Prepare(args, result);
        var writer = new ArrayWriter(args[0].PhysicalType);
        foreach (var i in rows)
        {
            writer.Begin();
            foreach (var arg in args)
                writer.AddFrom(arg, i);
            writer.WriteTo(result, i);
        }
    }

    private static void Cat(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows)
    {
        RowKernel.Prepare(args, result);
        var element = result.Type.Element!;
        var writer = new ArrayWriter(PhysicalTypes.Of(element));
        var scratch = new Vector(element, 16);
        foreach (var i in rows)
        {
            bool leftNull = args[0].IsNull(i), rightNull = args[1].IsNull(i);
            if (leftNull && rightNull)
            {
                result.SetNull(i);
                continue;
            }
            writer.Begin();
            foreach (var side in args)
            {
                if (side.IsNull(i))
                    continue;
                var count = ArrayLayout.Unpack(side.GetBytes(i), scratch);
                for (var k = 0; k < count; k++)
                    writer.AddFrom(scratch, k);
            }
            writer.WriteTo(result, i);
        }
    }
}
