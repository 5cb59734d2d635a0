using System.Text;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// A value's text as PostgreSQL's output function writes it (bool as t/f, inet without a /32, floats shortest),
/// which is what concat, concat_ws and format use for their VARIADIC "any" arguments — not the text cast, which
/// differs for bool and inet. The binder wraps non-text arguments of those functions in it; it is not callable by name
/// from SQL (the catalog does not list it).
/// </summary>
internal static class OutputText
{
    public const string Name = "vnd_output_text";

    public static Expression? Resolve(string name, IReadOnlyList<Expression> a) => name == Name && a.Count == 1
        ? new FunctionExpression(name, SqlType.Text, [a[0]], Evaluate)
        : null;

    private static void Evaluate(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows)
    {
        var input = args[0];
        RowKernel.Prepare(args, result);
        foreach (var i in rows)
        {
            if (input.IsNull(i))
            {
                result.SetNull(i);
                continue;
            }
            if (input.PhysicalType == PhysicalType.Bool)
            {
                result.SetBytes(i, input.Get<byte>(i) != 0 ? "t"u8 : "f"u8);
                continue;
            }
            result.SetBytes(i, Encoding.UTF8.GetBytes(ValueFormatter.Format(VectorValues.Get(input, i)!, input.Type)));
        }
    }
}
