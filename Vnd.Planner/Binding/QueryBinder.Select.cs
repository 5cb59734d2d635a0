using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Binding;

/// <summary>
/// One SELECT: FROM → WHERE → GROUP BY/aggregates → HAVING → window → select list (+ hidden ORDER BY columns)
/// → DISTINCT [ON] / ORDER BY → drop hidden columns, in PostgreSQL's logical evaluation order.
/// </summary>
internal sealed partial class QueryBinder
{
    private LogicalPlan BindSelect(SelectCore core, SqlList<OrderItem> orderBy, Scope? outer, CteScope ctes)
    {
        var scope = new Scope(outer);
        var plan = BindFrom(core.From, scope, ctes);
        if (core.Where is not null)
        {
            plan = new Filter(plan, new ExprBinder(context, this, scope, ctes, "WHERE").BindPredicate(core.Where, "WHERE"));
        }
        var grouping = new Grouping();
        var windows = new WindowCollector(core.Windows);
        var groupSets = new SelectListSets(context);
        var windowSets = new SelectListSets(context);
        var sets = new SelectListSets(context, groupSets, windowSets);
        var binder = new ExprBinder(context, this, scope, ctes, "SELECT") { Grouping = grouping, Windows = windows, SetReturning = sets };
        BindGroupKeys(core, scope, ctes, grouping, groupSets);
        scope.Grouping = grouping;

        var items = BindSelectList(core, scope, binder);
        var having = core.Having is null ? null
            : new ExprBinder(context, this, scope, ctes, "HAVING") { Grouping = grouping, Windows = null }.BindPredicate(core.Having, "HAVING");
        var visible = items.Count;
        var sortKeys = orderBy.Select(item => SelectSortKey(item, items, binder, core)).ToList();
        var distinctOn = core.DistinctOn.Select(expr => SelectExprKey(new OrderItem(expr, SortDirection.Default, NullsOrder.Default), items, binder, core).Expr).ToList();

        var grouped = core.GroupBy.Count > 0 || grouping.Aggregates.Count > 0 || having is not null;
        if (grouped && grouping.Violations.Count > 0)
        {
            var (column, node) = grouping.Violations[0];
            var relation = scope.Relations.Find(r => r.Columns.Any(c => c.Id == column.Id));
            var shown = relation is null || relation.Alias.Length == 0 ? column.Name : relation.Alias + "." + column.Name;
            throw BinderErrors.Error(BinderErrors.GroupingError,
                $"column \"{shown}\" must appear in the GROUP BY clause or be used in an aggregate function", node);
        }
        if (grouped)
        {
            plan = grouping.Sets is { } groupingSets
                ? groupingSets.Plan(groupSets.Apply(plan), grouping, context)
                : new Aggregate(groupSets.Apply(plan), SqlList.From(grouping.Keys), SqlList.From(grouping.Aggregates));
            if (having is not null)
            {
                plan = new Filter(plan, having);
            }
        }
        if (windows.Items.Count > 0)
        {
            plan = new Window(windowSets.Apply(plan), SqlList.From(windows.Items));
        }
        plan = new Project(sets.Apply(plan), SqlList.From(items));
        sets.NoteComposites(items);
        var keys = SqlList.From(sortKeys);
        if (core.Distinct == DistinctKind.DistinctOn)
        {
            var onKeys = SqlList.From(distinctOn);
            CheckDistinctOnOrder(onKeys, keys, core);
            var order = keys.Count > 0 ? keys : SqlList.From(onKeys.Select(k => new SortKey(k, false, false)));
            plan = new Distinct(new Sort(plan, order), onKeys);
        }
        else
        {
            if (core.Distinct == DistinctKind.Distinct)
            {
                plan = new Distinct(plan, SqlList<BoundExpr>.Empty);
            }
            if (keys.Count > 0)
            {
                plan = new Sort(plan, keys);
            }
        }
        return items.Count == visible ? plan
            : new Project(plan, SqlList.From(items.Take(visible).Select(i => new ProjectItem(i.Column, BoundColumn.Of(i.Column)))));
    }

    private static void CheckDistinctOnOrder(SqlList<BoundExpr> on, SqlList<SortKey> order, SelectCore core)
    {
        for (var i = 0; i < Math.Min(on.Count, order.Count); i++)
        {
            if (!on.Contains(order[i].Expr))
            {
                throw BinderErrors.Error(BinderErrors.InvalidColumnReference, "SELECT DISTINCT ON expressions must match initial ORDER BY expressions", core.DistinctOn[0]);
            }
        }
    }

    /// <summary>
    /// GROUP BY items: an ordinal names a select item; a bare name is an input column first and a select alias
    /// otherwise (PostgreSQL's SQL92 fallback); anything else is an expression over the input. Set-returning
    /// functions in keys run below the Aggregate (<paramref name="sets"/>), so each of their rows is grouped.
    /// </summary>
    private void BindGroupKeys(SelectCore core, Scope scope, CteScope ctes, Grouping grouping, SelectListSets sets)
    {
        var binder = new ExprBinder(context, this, scope, ctes, "GROUP BY") { SetReturning = sets };
        if (GroupingSets.Used(core.GroupBy))
        {
            grouping.Sets = GroupingSets.Expand(core.GroupBy, item => BindGroupKey(item, core, scope, grouping, binder), context, grouping);
            return;
        }
        foreach (var item in core.GroupBy)
        {
            BindGroupKey(item, core, scope, grouping, binder);
        }
    }

    /// <summary>One grouping expression; returns its index among the keys (equal expressions share one key).</summary>
    private int BindGroupKey(Expr item, SelectCore core, Scope scope, Grouping grouping, ExprBinder binder)
    {
        var expr = item;
        if (item is IntegerLiteral ordinal)
        {
            if (ordinal.Value < 1 || ordinal.Value > core.Items.Count || core.Items[(int)ordinal.Value - 1].Expr is StarExpr)
            {
                throw BinderErrors.Error(BinderErrors.InvalidColumnReference, $"GROUP BY position {ordinal.Value} is not in select list", item);
            }
            expr = core.Items[(int)ordinal.Value - 1].Expr;
        }
        else if (item is ColumnRef { Names.Count: 1 } column && scope.Find(column.Names, column) is null
            && core.Items.FirstOrDefault(i => i.Alias == column.Names[0]) is { } aliased)
        {
            expr = aliased.Expr;
        }
        var key = binder.Settle(binder.Bind(expr), expr);
        var index = grouping.Keys.FindIndex(k => k.Expr.Equals(key));
        if (index >= 0)
        {
            return index;
        }
        grouping.Keys.Add(new ProjectItem(context.NewColumn(OutputName(expr, null), key.Type), key));
        return grouping.Keys.Count - 1;
    }

    private List<ProjectItem> BindSelectList(SelectCore core, Scope scope, ExprBinder binder)
    {
        var items = new List<ProjectItem>();
        foreach (var item in core.Items)
        {
            if (item.Expr is StarExpr star)
            {
                foreach (var column in StarColumns(star, scope))
                {
                    var resolved = BindStarColumn(column, binder, star);
                    items.Add(new ProjectItem(context.NewColumn(column.Name, resolved.Type), resolved));
                }
                continue;
            }
            var expr = binder.Settle(binder.Bind(item.Expr), item.Expr);
            items.Add(new ProjectItem(context.NewColumn(OutputName(item.Expr, item.Alias), expr.Type), expr));
        }
        return items;
    }

    /// <summary>* over duplicate names (t1.id, t2.id) cannot go through name lookup; bind the column directly.</summary>
    private static BoundExpr BindStarColumn(PlanColumn column, ExprBinder binder, StarExpr star)
    {
        var bound = BoundColumn.Of(column);
        if (binder.Grouping is { } grouping)
        {
            var key = grouping.MatchKey(bound);
            if (key is not null)
            {
                return key;
            }
            grouping.Violations.Add((bound, star));
        }
        return bound;
    }

    private static List<PlanColumn> StarColumns(StarExpr star, Scope scope)
    {
        if (star.Qualifier.Count == 0)
        {
            return scope.Relations.Count == 0
                ? throw BinderErrors.Error(SqlState.SyntaxError, "SELECT * with no tables specified is not valid", star)
                : scope.StarColumns();
        }
        var relation = scope.FindRelation(star.Qualifier.Count == 2 ? star.Qualifier[0] : null, star.Qualifier[^1])
            ?? throw BinderErrors.Error(SqlState.UndefinedTable, $"missing FROM-clause entry for table \"{star.Qualifier[^1]}\"", star);
        return [.. relation.Columns];
    }

    /// <summary>
    /// ORDER BY of a SELECT: an ordinal or an output column name picks that item; other expressions are bound over
    /// the input and reuse an equal select item or become a hidden column dropped after the sort.
    /// </summary>
    private SortKey SelectSortKey(OrderItem item, List<ProjectItem> items, ExprBinder binder, SelectCore core) =>
        SelectExprKey(item, items, binder, core);

    private SortKey SelectExprKey(OrderItem item, List<ProjectItem> items, ExprBinder binder, SelectCore core)
    {
        var visible = items.Count;
        if (item.Expr is IntegerLiteral ordinal)
        {
            var index = ordinal.Value >= 1 && ordinal.Value <= visible ? (int)ordinal.Value - 1
                : throw BinderErrors.Error(BinderErrors.InvalidColumnReference, $"ORDER BY position {ordinal.Value} is not in select list", ordinal);
            return ExprBinder.MakeSortKey(BoundColumn.Of(items[index].Column), item);
        }
        if (item.Expr is ColumnRef { Names.Count: 1 } name)
        {
            var matches = core.Items.Select((s, i) => (s, i)).Where(p => OutputName(p.s.Expr, p.s.Alias) == name.Names[0] && p.s.Expr is not StarExpr).ToList();
            if (matches.Count > 1 && matches.Select(m => items[m.i].Expr).Distinct().Count() > 1)
            {
                throw BinderErrors.Error(SqlState.AmbiguousColumn, $"ORDER BY \"{name.Names[0]}\" is ambiguous", name);
            }
            if (matches.Count > 0 && core.Items.Take(matches[0].i).All(s => s.Expr is not StarExpr))
            {
                return ExprBinder.MakeSortKey(BoundColumn.Of(items[matches[0].i].Column), item);
            }
        }
        var bound = binder.BindSortKey(item);
        foreach (var existing in items)
        {
            if (existing.Expr.Equals(bound.Expr))
            {
                return bound with { Expr = BoundColumn.Of(existing.Column) };
            }
        }
        if (core.Distinct == DistinctKind.Distinct)
        {
            throw BinderErrors.Error(BinderErrors.InvalidColumnReference, "for SELECT DISTINCT, ORDER BY expressions must appear in select list", item.Expr);
        }
        var hidden = context.NewColumn(OutputName(item.Expr, null), bound.Expr.Type);
        items.Add(new ProjectItem(hidden, bound.Expr));
        return bound with { Expr = BoundColumn.Of(hidden) };
    }

    /// <summary>PostgreSQL's FigureColname: alias, else column or function name, else ?column?.</summary>
    private static string OutputName(Expr expr, string? alias) => alias ?? Figure(expr).Name;

    /// <summary>
    /// FigureColnameInternal's name and strength: a column, function, ARRAY, ROW or EXISTS names strongly (2), CASE as its ELSE does; a cast
    /// names weakly (1) by its type, so the outermost cast of a weak operand wins ('1'::int4::int8 is int8) while a
    /// strong name under casts survives them (x::text is x).
    /// </summary>
    private static (string Name, int Strength) Figure(Expr expr) => expr switch
    {
        ColumnRef c => (c.Names[^1], 2),
        FunctionCall f => (f.Name[^1], 2),
        CastExpr c => Figure(c.Operand) is { Strength: > 1 } inner ? inner : (c.Type.Name, 1),
        TypedLiteral t => (t.Type.Name, 1),
        // CASE takes its ELSE's name when that names strongly (CASE WHEN … THEN 0 ELSE len END is len), else "case".
        CaseExpr c => c.Else is { } otherwise && Figure(otherwise) is { Strength: > 1 } inner ? inner : ("case", 1),
        RowExpr => ("row", 2),
        AtTimeZoneExpr => ("timezone", 2),
        ArrayExpr or ArraySubqueryExpr => ("array", 2),
        ExistsExpr => ("exists", 2),
        SubqueryExpr s when s.Query.Body is SelectCore { Items.Count: 1 } sc => sc.Items[0].Alias is { } alias ? (alias, 2) : Figure(sc.Items[0].Expr),
        _ => ("?column?", 0),
    };
}
