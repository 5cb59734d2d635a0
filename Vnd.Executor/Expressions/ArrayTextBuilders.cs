using System.Text;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// array_cat over arrays in their text form (catalog text arrays, array_cat called by name on text); typed arrays
/// are built by <see cref="ArrayBuilders"/>. Not strict: array_cat returns the other array when one side is NULL,
/// as PostgreSQL does.
/// </summary>
internal static class ArrayTextBuilders
{
    /// <summary>The executor name of ARRAY[…] (built by <see cref="ArrayBuilders"/>); the binder emits it, SQL cannot call it.</summary>
    public const string Constructor = "array_construct";

    public const string Concat = "array_cat";

    public static Expression? Resolve(string name, IReadOnlyList<Expression> a) => (name, a.Count) switch
    {
        (Concat, 2) => new FunctionExpression(name, Vnd.Planner.Types.SqlType.Text,
            [TypeUnification.To(a[0], Vnd.Planner.Types.SqlType.Text), TypeUnification.To(a[1], Vnd.Planner.Types.SqlType.Text)], Cat),
        _ => null,
    };

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
