using System.Text;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions.Formatting;

/// <summary>
/// to_timestamp(text, template) → timestamptz and to_date(text, template) → date, read by
/// <see cref="DateTimeTemplate"/>'s parsing side. The input is wall-clock time in UTC (the executor's zone) unless
/// TZH/TZM give an offset. The template is compiled once per distinct text in a batch.
/// </summary>
internal static class ToTimestampFunction
{
    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        if (name is not ("to_timestamp" or "to_date") || a.Count != 2)
            return null;
        var date = name == "to_date";
        Expression[] args = [TypeUnification.To(a[0], SqlType.Text), TypeUnification.To(a[1], SqlType.Text)];
        return new FunctionExpression(name, date ? SqlType.Date : SqlType.TimestampTz, args, (values, r, rows) =>
        {
            var templates = new CompiledTemplates<DateTimeTemplate>(DateTimeTemplate.Compile);
            RowKernel.Each(values, r, rows, (v, result, row) =>
            {
                var template = templates.For(v[1].GetBytes(row));
                var input = Encoding.UTF8.GetString(v[0].GetBytes(row));
                if (date)
                    result.Set(row, template.ParseDays(input));
                else
                    result.Set(row, template.ParseMicros(input));
            });
        });
    }
}
