using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>
/// Functions in FROM: generate_series over integers becomes a <see cref="SeriesScan"/>, over numeric and timestamps
/// (and generate_subscripts) a <see cref="ProjectSet"/> over one row; unnest(array) and
/// information_schema._pg_expandarray(array) become a series over the array's subscripts (as PostgreSQL defines
/// _pg_expandarray); any other (scalar) function is a one-row relation, as in PostgreSQL. Arguments are evaluated
/// once per run: they may reference an enclosing query (a correlated subquery runs once per outer value, with
/// the value in place of the reference) and earlier FROM items (<see cref="LateralJoin"/>, the same per row).
/// </summary>
internal sealed partial class QueryBinder
{
    /// <param name="siblings">the FROM items before it, one level out (null: only the enclosing query levels)</param>
    private LogicalPlan BindFunctionTable(FunctionTable table, Scope scope, CteScope ctes, Scope? siblings = null)
    {
        var call = SetFunctionBinding.AsUnnest(table.Function) ?? table.Function;
        var name = call.Name[^1];
        var binder = new ExprBinder(context, this, new Scope(siblings ?? scope.Parent), ctes, "functions in FROM");
        var columnName = table.Alias?.Name ?? table.Function.Name[^1];
        LogicalPlan plan;
        var builtin = call.Name.Count == 1 || call.Name[0] == "pg_catalog";
        if (table.RowsFrom.Count > 0 || (name == "unnest" && builtin && call.Arguments.Count > 1))
        {
            plan = BindRowsFrom(table, binder);
        }
        else if (name == "generate_series" && builtin)
        {
            var (calls, _) = SetFunctionBinding.Bind(call, binder, context, columnName);
            var function = calls[0];
            if (function.Column.Type.Id is not (TypeId.Int4 or TypeId.Int8))
            {
                plan = SetRows(calls, [(columnName, BoundColumn.Of(function.Column))], table);
            }
            else
            {
                var series = new SeriesScan(function.Column, function.Arguments[0], function.Arguments[1], function.Arguments[2]);
                plan = series;
                if (table.WithOrdinality)
                {
                    // The k-th value is start + (k − 1)·step, so k = (value − start) / step + 1, exactly.
                    var type = series.Column.Type;
                    var k = BoundCall.Operator("+", type, BoundCall.Operator("/", type, BoundCall.Operator("-", type, BoundColumn.Of(series.Column), series.Start), series.Step),
                        new BoundLiteral(type.Id == TypeId.Int8 ? 1L : 1, type));
                    plan = WithOrdinality(series, k);
                }
            }
        }
        else if ((name is "generate_subscripts" or "regexp_matches" || SetFunctionBinding.IsJson(name)) && builtin)
        {
            // json[b]_array_elements[_text] name their column "value" (an OUT parameter), whatever the alias.
            var (calls, columns) = SetFunctionBinding.Bind(call, binder, context, name.Contains("array_elements", StringComparison.Ordinal) ? "value" : columnName);
            plan = SetRows(calls, columns, table);
        }
        else if (name == "unnest" && builtin)
        {
            plan = BindArrayRows(call, binder, [columnName], null, table.WithOrdinality);
        }
        else if (name == "_pg_expandarray" && call.Name.Count == 2 && call.Name[0] == "information_schema")
        {
            // Clients expand int2vector/int2[] catalog columns with it (pgJDBC: indkey, conkey), so x is int2.
            plan = BindArrayRows(call, binder, ["x", "n"], SqlType.Int2, table.WithOrdinality);
        }
        else
        {
            var value = binder.Settle(binder.Bind(call), call);
            plan = new Values([context.NewColumn(columnName, value.Type)], [[value]]);
            if (table.WithOrdinality)
                plan = WithOrdinality(plan, new BoundLiteral(1L, SqlType.Int8));
        }
        return AddRelation(plan, table.Alias?.Name ?? table.Function.Name[^1], null, table.Alias, scope, table);
    }

    /// <summary>WITH ORDINALITY: the rows of <paramref name="plan"/> and, last, their 1-based number as bigint.</summary>
    private Project WithOrdinality(LogicalPlan plan, BoundExpr number)
    {
        var items = plan.Output.Select(c => new ProjectItem(c, BoundColumn.Of(c))).ToList();
        items.Add(new ProjectItem(context.NewColumn("ordinality", SqlType.Int8), number.Type.Id == TypeId.Int8 ? number : new BoundCast(number, SqlType.Int8)));
        return new Project(plan, SqlList.From(items));
    }

    /// <summary>
    /// Set-returning functions the <see cref="SeriesScan"/> does not cover, over one row (a <see cref="ProjectSet"/>,
    /// whose lockstep is ROWS FROM's); WITH ORDINALITY numbers the rows they give.
    /// </summary>
    private Project SetRows(List<SetFunctionCall> calls, List<(string Name, BoundExpr Value)> columns, FunctionTable table)
    {
        var items = columns.Select(c => new ProjectItem(context.NewColumn(c.Name, c.Value.Type), c.Value)).ToList();
        if (table.WithOrdinality)
        {
            var ordinality = new SetFunctionCall(context.NewColumn("ordinality", SqlType.Int8), "with_ordinality", SqlList<BoundExpr>.Empty);
            calls = [.. calls, ordinality];
            items.Add(new ProjectItem(context.NewColumn("ordinality", SqlType.Int8), BoundColumn.Of(ordinality.Column)));
        }
        var oneRow = new Values(SqlList<PlanColumn>.Empty, [SqlList<BoundExpr>.Empty]);
        return new Project(new ProjectSet(oneRow, SqlList.From(calls)), SqlList.From(items));
    }

    /// <summary>
    /// ROWS FROM (f(…), g(…)) and unnest(a, b, …) (PostgreSQL's ROWS FROM (unnest(a), unnest(b), …)): every function
    /// in lockstep, shorter ones padded with NULL. A function that returns no set is one row (NULL included). One
    /// function's column takes the alias's name, as for a single call; several keep their function names.
    /// </summary>
    private Project BindRowsFrom(FunctionTable table, ExprBinder binder)
    {
        var functions = table.RowsFrom.Count > 0 ? table.RowsFrom
            : SqlList.From(table.Function.Arguments.Select(a => table.Function with { Arguments = SqlList.From([a]) }));
        var calls = new List<SetFunctionCall>();
        var columns = new List<(string Name, BoundExpr Value)>();
        foreach (var function in functions)
        {
            var name = functions.Count == 1 && table.Alias is { } alias ? alias.Name : function.Name[^1];
            if (SetFunctionBinding.Handles(function))
            {
                var (bound, values) = SetFunctionBinding.Bind(function, binder, context, name);
                calls.AddRange(bound);
                columns.AddRange(values);
                continue;
            }
            var value = binder.Settle(binder.Bind(function), function);
            var single = new SetFunctionCall(context.NewColumn(name, value.Type), "single_row", [value]);
            calls.Add(single);
            columns.Add((name, BoundColumn.Of(single.Column)));
        }
        return SetRows(calls, columns, table);
    }

    /// <summary>
    /// unnest(a) (one column, the element) or _pg_expandarray(a) (x = the element, n = its 1-based position):
    /// <c>SELECT a[s], s - array_lower(a, 1) + 1 FROM generate_series(array_lower(a, 1), array_upper(a, 1)) s</c>,
    /// PostgreSQL's own definition of _pg_expandarray. A NULL or empty array gives no rows.
    /// </summary>
    private Project BindArrayRows(FunctionCall call, ExprBinder binder, string[] names, SqlType? elementType, bool ordinality)
    {
        if (call.Arguments.Count != 1 || call.Distinct || call.Star || call.Filter is not null || call.Over is not null || call.OrderBy.Count > 0)
        {
            throw BinderErrors.Unsupported($"this form of {call.Name[^1]}", call);
        }
        var array = binder.BindArrayText(call.Arguments[0], out var arrayElement);
        elementType ??= arrayElement;
        var one = new BoundLiteral(1, SqlType.Int4);
        BoundCall Bound(string function) => new($"{function}(text,int4)", function, CallKind.Function, [array, one], SqlType.Int4);
        var subscript = context.NewColumn("s", SqlType.Int4);
        var series = new SeriesScan(subscript, Bound("array_lower"), Bound("array_upper"), one);
        BoundExpr element = new BoundCall($"{ExprBinder.SubscriptFunction}(text,int4)", ExprBinder.SubscriptFunction, CallKind.Function, [array, BoundColumn.Of(subscript)], SqlType.Text);
        if (elementType.Id != TypeId.Text)
        {
            element = new BoundCast(element, elementType);
        }
        var items = new List<ProjectItem> { new(context.NewColumn(names[0], elementType), element) };
        var position = BoundCall.Operator("+", SqlType.Int4, BoundCall.Operator("-", SqlType.Int4, BoundColumn.Of(subscript), Bound("array_lower")), one);
        if (names.Length > 1)
        {
            items.Add(new ProjectItem(context.NewColumn(names[1], SqlType.Int4), position));
        }
        if (ordinality)
        {
            items.Add(new ProjectItem(context.NewColumn("ordinality", SqlType.Int8), new BoundCast(position, SqlType.Int8)));
        }
        return new Project(series, SqlList.From(items));
    }

    /// <summary>
    /// unnest(a) / _pg_expandarray(a) after other FROM items whose columns <c>a</c> reads (<c>FROM t, unnest(t.arr) x</c>,
    /// or written LATERAL): functions in FROM are implicitly lateral in PostgreSQL, so the rows so far are each
    /// repeated per element (<see cref="ArrayExpand"/>). Null when the call is not such a function or reads no sibling.
    /// </summary>
    private Project? BindLateralArrayRows(FunctionTable table, LogicalPlan left, Scope scope, CteScope ctes)
    {
        var call = table.Function;
        if (table.RowsFrom.Count > 0 || call.Name[^1] is not ("unnest" or "_pg_expandarray") || !SetFunctionBinding.Handles(call) || call.Arguments.Count != 1)
        {
            return null;
        }
        var array = new ExprBinder(context, this, scope, ctes, "functions in FROM").BindArrayText(call.Arguments[0], out var element);
        var produced = PlanWalk.Produced(left);
        if (!table.Lateral && !ExprWalk.Columns(array).Overlaps(produced))
        {
            return null;
        }
        var expandarray = call.Name[^1] == "_pg_expandarray";
        var alias = table.Alias?.Name ?? call.Name[^1];
        string[] names = expandarray ? ["x", "n"] : [alias];
        if (table.WithOrdinality)
            names = [.. names, "ordinality"];
        if (table.Alias is { Columns.Count: > 0 } aliased)
        {
            if (aliased.Columns.Count > names.Length)
            {
                throw BinderErrors.Error("42P10", $"table \"{alias}\" has {names.Length} columns available but {aliased.Columns.Count} columns specified", aliased);
            }
            for (var i = 0; i < aliased.Columns.Count; i++)
            {
                names[i] = aliased.Columns[i];
            }
        }
        var expand = new ArrayExpand(left, array, context.NewColumn(call.Name[^1], SqlType.Text), context.NewColumn("n", SqlType.Int4));
        var items = left.Output.Select(c => new ProjectItem(c, BoundColumn.Of(c))).ToList();
        var type = expandarray ? SqlType.Int2 : element;
        var first = context.NewColumn(names[0], type);
        items.Add(new ProjectItem(first, type.Id == TypeId.Text ? BoundColumn.Of(expand.Element) : new BoundCast(BoundColumn.Of(expand.Element), type)));
        var columns = new List<PlanColumn> { first };
        if (expandarray)
        {
            var second = context.NewColumn(names[1], SqlType.Int4);
            items.Add(new ProjectItem(second, BoundColumn.Of(expand.Position)));
            columns.Add(second);
        }
        if (table.WithOrdinality)
        {
            var ordinality = context.NewColumn(names[^1], SqlType.Int8);
            items.Add(new ProjectItem(ordinality, new BoundCast(BoundColumn.Of(expand.Position), SqlType.Int8)));
            columns.Add(ordinality);
        }
        scope.AddRelation(new ScopeRelation(alias, null, SqlList.From(columns)), table);
        return new Project(expand, SqlList.From(items));
    }
}
