using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>
/// TABLESAMPLE BERNOULLI (p) and SYSTEM (p): each row of the table is kept with probability p / 100, a filter on
/// random() above the scan. BERNOULLI is exactly that. PostgreSQL's SYSTEM keeps or drops whole pages; VND samples
/// rows for it too — the same expected fraction, not clustered, and no cheaper. REPEATABLE is refused (0A000): the
/// scan's row order across its parallel workers changes from run to run, so a seed could not repeat a sample.
/// </summary>
internal static class TableSampling
{
    public static LogicalPlan Bind(LogicalPlan scan, TableSample sample, ExprBinder binder, BindingContext context)
    {
        var method = sample.Method.ToLowerInvariant();
        if (method is not ("bernoulli" or "system"))
        {
            throw BinderErrors.Error(BinderErrors.UndefinedObject, $"tablesample method {sample.Method} does not exist", sample);
        }
        if (sample.Arguments.Count != 1)
        {
            throw BinderErrors.Error(SqlState.InvalidParameterValue,
                $"tablesample method {method} requires 1 argument, not {sample.Arguments.Count}", sample);
        }
        if (sample.Repeatable is not null)
        {
            throw BinderErrors.Unsupported("TABLESAMPLE … REPEATABLE", sample.Repeatable);
        }
        var percent = binder.Coerce(binder.Bind(sample.Arguments[0]), SqlType.Float8, sample.Arguments[0]);
        if (Constant(percent) is not { } value)
        {
            throw BinderErrors.Unsupported("a TABLESAMPLE percentage that is not a constant", sample.Arguments[0]);
        }
        if (!(value is >= 0 and <= 100))
        {
            throw BinderErrors.Error("2202H", "sample percentage must be between 0 and 100", sample.Arguments[0]);
        }
        var random = context.Catalog.FindFunctions("random").First(f => f.Parameters.Count == 0);
        var draw = new BoundCall(random.Id, "random", CallKind.Function, SqlList<BoundExpr>.Empty, SqlType.Float8);
        return new Filter(scan, BoundCall.Operator("<", SqlType.Bool, draw, new BoundLiteral(value / 100, SqlType.Float8)));
    }

    /// <summary>The value of a literal, cast or not (100 is an int4 literal cast to float8); null otherwise.</summary>
    private static double? Constant(BoundExpr expr) => expr switch
    {
        BoundLiteral { Value: string text } => double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        BoundLiteral { Value: IConvertible number } => number.ToDouble(System.Globalization.CultureInfo.InvariantCulture),
        BoundCast cast => Constant(cast.Operand),
        _ => null,
    };
}
