using System.Text;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// Functions that build arrays in their text form: ARRAY[a, b, …] (the binder's array_construct, elements already
/// of one type) and array_cat (array || array). Neither is strict: a NULL element prints as NULL, and array_cat
/// returns the other array when one side is NULL, as PostgreSQL does.
/// </summary>
internal static class ArrayTextBuilders
{
    /// <summary>The executor name of ARRAY[…]; the binder emits it, SQL cannot call it.</summary>
    public const string Constructor = "array_construct";

    public const string Concat = "array_cat";

    public static Expression? Resolve(string name, IReadOnlyList<Expression> a) => (name, a.Count) switch
    {
        (Constructor, > 0) => new FunctionExpression(name, Vnd.Planner.Types.SqlType.Text, a, Construct),
        (Concat, 2) => new FunctionExpression(name, Vnd.Planner.Types.SqlType.Text,
            [TypeUnification.To(a[0], Vnd.Planner.Types.SqlType.Text), TypeUnification.To(a[1], Vnd.Planner.Types.SqlType.Text)], Cat),
        _ => null,
    };

    private static void Construct(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows)
    {
        RowKernel.Prepare(args, result);
        var values = new object?[args.Length];
        foreach (var i in rows)
        {
            for (var k = 0; k < args.Length; k++)
                values[k] = VectorValues.Get(args[k], i);
            result.SetBytes(i, Encoding.UTF8.GetBytes(ArrayText.Format(values, args[0].Type)));
        }
    }

    private static void Cat(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows)
    {
        RowKernel.Prepare(args, result);
        foreach (var i in rows)
        {
            bool leftNull = args[0].IsNull(i), rightNull = args[1].IsNull(i);
            if (leftNull && rightNull)
            {
                result.SetNull(i);
                continue;
            }
            var elements = new List<object?>();
            if (!leftNull)
                elements.AddRange(ArrayText.Elements(Encoding.UTF8.GetString(args[0].GetBytes(i))));
            if (!rightNull)
                elements.AddRange(ArrayText.Elements(Encoding.UTF8.GetString(args[1].GetBytes(i))));
            result.SetBytes(i, Encoding.UTF8.GetBytes(ArrayText.Format(elements, Vnd.Planner.Types.SqlType.Text)));
        }
    }
}
