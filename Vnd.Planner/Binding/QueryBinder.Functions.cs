using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>
/// Functions in FROM: generate_series over integers becomes a <see cref="SeriesScan"/>; any other (scalar)
/// function is a one-row relation, as in PostgreSQL. Arguments are evaluated once per run, so they may not
/// reference columns (no LATERAL or correlation).
/// </summary>
internal sealed partial class QueryBinder
{
    private LogicalPlan BindFunctionTable(FunctionTable table, Scope scope, CteScope ctes)
    {
        if (table.Lateral)
        {
            throw BinderErrors.Unsupported("LATERAL", table);
        }
        var call = table.Function;
        var name = call.Name[^1];
        // Like a derived table, the call sees outer query levels but not its FROM siblings.
        var binder = new ExprBinder(context, this, new Scope(scope.Parent), ctes, "functions in FROM");
        var columnName = table.Alias?.Name ?? name;
        LogicalPlan plan;
        if (name == "generate_series" && (call.Name.Count == 1 || call.Name[0] == "pg_catalog"))
        {
            plan = BindSeries(call, binder, columnName);
        }
        else
        {
            var value = binder.Settle(binder.Bind(call), call);
            RequireNoColumns([value], call);
            plan = new Values([context.NewColumn(columnName, value.Type)], [[value]]);
        }
        return AddRelation(plan, table.Alias?.Name ?? name, null, table.Alias, scope, table);
    }

    /// <summary>generate_series(start, stop[, step]) over int4, or int8 when any argument is int8 (PostgreSQL's overloads).</summary>
    private SeriesScan BindSeries(FunctionCall call, ExprBinder binder, string columnName)
    {
        if (call.Arguments.Count is not (2 or 3) || call.Distinct || call.Star || call.Filter is not null || call.Over is not null || call.OrderBy.Count > 0)
        {
            throw BinderErrors.Unsupported("this form of generate_series", call);
        }
        var arguments = call.Arguments.Select(binder.Bind).ToList();
        RequireNoColumns(arguments, call);
        var type = arguments.Any(a => a.Type.Id == TypeId.Int8) ? SqlType.Int8 : SqlType.Int4;
        foreach (var argument in arguments)
        {
            if (argument.Type.Id is not (TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Unknown))
            {
                throw BinderErrors.Unsupported($"generate_series over {argument.Type.PgName}", call);
            }
        }
        var typed = arguments.Select((a, i) => binder.Coerce(a, type, call.Arguments[i])).ToList();
        var step = typed.Count == 3 ? typed[2] : new BoundLiteral(type.Id == TypeId.Int8 ? 1L : 1, type);
        return new SeriesScan(context.NewColumn(columnName, type), typed[0], typed[1], step);
    }

    private static void RequireNoColumns(IEnumerable<BoundExpr> arguments, FunctionCall call)
    {
        foreach (var argument in arguments)
        {
            if (ExprWalk.Columns(argument).Count > 0)
            {
                throw BinderErrors.Unsupported($"a column reference in the arguments of {call.Name[^1]} in FROM", call);
            }
        }
    }
}
