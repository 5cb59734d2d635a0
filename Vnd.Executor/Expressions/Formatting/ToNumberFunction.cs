using System.Text;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions.Formatting;

/// <summary>to_number(text, template) → numeric, the template compiled once per distinct text per batch.</summary>
internal static class ToNumberFunction
{
    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        if (name != "to_number" || a.Count != 2)
            return null;
        Expression[] args = [TypeUnification.To(a[0], SqlType.Text), TypeUnification.To(a[1], SqlType.Text)];
        return new FunctionExpression(name, SqlType.Numeric, args, (values, r, rows) =>
        {
            var templates = new CompiledTemplates<NumberTemplate>(NumberTemplate.Compile);
            RowKernel.Each(values, r, rows, (v, result, row) =>
                result.Set(row, templates.For(v[1].GetBytes(row)).Parse(Encoding.UTF8.GetString(v[0].GetBytes(row)))));
        });
    }
}
