using Vnd.Planner.Catalog;
using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>FROM: tables, views (expanded), CTE references, derived tables and joins; comma items become cross joins.</summary>
internal sealed partial class QueryBinder
{
    private LogicalPlan BindFrom(SqlList<TableRef> from, Scope scope, CteScope ctes)
    {
        LogicalPlan? plan = null;
        foreach (var item in from)
        {
            if (plan is not null && item is FunctionTable function && BindLateralArrayRows(function, plan, scope, ctes) is { } expanded)
            {
                plan = expanded;
                continue;
            }
            if (plan is not null && IsLateral(item))
            {
                // An earlier comma item is visible to it: PostgreSQL's LATERAL (implicit for functions in FROM).
                var right = BindLateralItem(item, scope, scope, ctes);
                plan = ReadsFrom(right, plan) ? Lateral(plan, right, outer: false) : new Join(JoinType.Cross, plan, right, SqlList<EquiKey>.Empty, null);
                continue;
            }
            var next = BindTableRef(item, scope, ctes);
            // A LATERAL item inside a JOIN may read earlier comma items too: then the whole join runs per their row.
            plan = plan is null ? next
                : ReadsFrom(next, plan) ? Lateral(plan, next, outer: false)
                : new Join(JoinType.Cross, plan, next, SqlList<EquiKey>.Empty, null);
        }
        // SELECT without FROM reads one empty row.
        return plan ?? new Values(SqlList<PlanColumn>.Empty, [SqlList<BoundExpr>.Empty]);
    }

    private LogicalPlan BindTableRef(TableRef item, Scope scope, CteScope ctes) => item switch
    {
        NamedTable named => BindNamed(named, scope, ctes),
        DerivedTable derived => BindDerived(derived, scope, ctes),
        JoinTable join => BindJoin(join, scope, ctes),
        FunctionTable function => BindFunctionTable(function, scope, ctes),
        _ => throw BinderErrors.Unsupported(item.GetType().Name + " in FROM", item),
    };

    private LogicalPlan BindDerived(DerivedTable derived, Scope scope, CteScope ctes)
    {
        // A derived table sees the enclosing query levels but not its FROM siblings (LATERAL ones: BindLateralItem).
        var plan = BindQuery(derived.Query, scope.Parent, ctes);
        return AddRelation(plan, derived.Alias?.Name ?? "unnamed_subquery", null, derived.Alias, scope, derived);
    }

    private LogicalPlan BindNamed(NamedTable named, Scope scope, CteScope ctes)
    {
        var name = named.Name;
        if (name.Count == 1 && ctes.Find(name[0]) is { } cte)
        {
            RequireTable(named);
            var plan = BindQuery(cte.Definition.Query, null, cte.Scope);
            plan = Rename(plan, cte.Definition.Columns, cte.Definition);
            return AddRelation(plan, named.Alias?.Name ?? name[0], null, named.Alias, scope, named);
        }
        if (name.Count > 2)
        {
            throw BinderErrors.Unsupported("cross-database references", named);
        }
        // A missing schema is reported as a missing relation, as PostgreSQL does (42P01, not 3F000): the answer
        // for another tenant's schema is then the same as for one that never existed.
        var catalog = context.Catalog;
        foreach (var schema in name.Count == 2 ? [name[0]] : catalog.SearchPath)
        {
            var table = catalog.FindTable(schema, name[^1]);
            if (table is not null)
            {
                var scan = named.Sample is { } sample ? TableSampling.Bind(Scan(table), sample, new ExprBinder(context, this, new Scope(null), ctes, "TABLESAMPLE"), context) : Scan(table);
                return AddRelation(scan, named.Alias?.Name ?? table.Name, table.Schema, named.Alias, scope, named);
            }
            var view = catalog.FindView(schema, name[^1]);
            if (view is not null)
            {
                RequireTable(named);
                return AddRelation(ExpandView(view, named), named.Alias?.Name ?? view.Name, view.Schema, named.Alias, scope, named);
            }
        }
        throw BinderErrors.Error(SqlState.UndefinedTable, $"relation \"{string.Join('.', name)}\" does not exist", named);
    }

    /// <summary>TABLESAMPLE samples stored tables only, as in PostgreSQL.</summary>
    private static void RequireTable(NamedTable named)
    {
        if (named.Sample is { } sample)
        {
            throw BinderErrors.Error(SqlState.SyntaxError, "TABLESAMPLE clause can only be applied to tables and materialized views", sample);
        }
    }

    private Scan Scan(TableDefinition table)
    {
        var columns = table.Columns.Select((c, i) => new ScanColumn(context.NewColumn(c.Name, c.Type), i));
        return new Scan(table.Schema, table.Name, SqlList.From(columns), SqlList<BoundExpr>.Empty, SqlList<ColumnRange>.Empty);
    }

    private LogicalPlan ExpandView(ViewDefinition view, SqlNode node)
    {
        if (context.ViewDepth >= BindingContext.MaxViewDepth)
        {
            throw BinderErrors.Error("42P17", $"infinite recursion detected in rules for relation \"{view.Name}\"", node);
        }
        if (SqlParser.ParseStatement(view.Sql) is not SelectStatement select)
        {
            throw BinderErrors.Error(SqlState.FeatureNotSupported, $"view \"{view.Name}\" is not defined by a query", node);
        }
        context.ViewDepth++;
        try
        {
            return Rename(BindQuery(select.Query, null, null), view.ColumnNames, node);
        }
        finally
        {
            context.ViewDepth--;
        }
    }

    /// <summary>Applies a column alias list (t(a, b), CTE and view column lists) with fresh names; extra columns keep theirs.</summary>
    private LogicalPlan Rename(LogicalPlan plan, SqlList<string> names, SqlNode node)
    {
        if (names.Count == 0)
        {
            return plan;
        }
        var output = plan.Output;
        if (names.Count > output.Count)
        {
            throw BinderErrors.Error(BinderErrors.InvalidColumnReference, $"table has {output.Count} columns available but {names.Count} columns specified", node);
        }
        var items = output.Select((c, i) => new ProjectItem(context.NewColumn(i < names.Count ? names[i] : c.Name, c.Type), BoundColumn.Of(c)));
        return new Project(plan, SqlList.From(items));
    }

    private LogicalPlan AddRelation(LogicalPlan plan, string alias, string? schema, TableAlias? tableAlias, Scope scope, SqlNode node)
    {
        if (tableAlias is not null)
        {
            plan = Rename(plan, tableAlias.Columns, tableAlias);
            schema = null;
        }
        scope.AddRelation(new ScopeRelation(alias, schema, plan.Output), node);
        return plan;
    }

    private LogicalPlan BindJoin(JoinTable join, Scope scope, CteScope ctes)
    {
        // The ON clause sees only this join's inputs (and outer query levels), not earlier comma items.
        var local = new Scope(scope.Parent);
        var leftScope = new Scope(scope.Parent);
        var left = BindTableRef(join.Left, leftScope, ctes);
        local.Absorb(leftScope);
        var rightScope = new Scope(scope.Parent);
        var right = IsLateral(join.Right)
            ? BindLateralItem(join.Right, WithEarlierItems(leftScope, scope), rightScope, ctes, rejects: join.Kind is JoinKind.Right or JoinKind.Full)
            : BindTableRef(join.Right, rightScope, ctes);
        foreach (var relation in rightScope.Relations)
        {
            local.AddRelation(relation, join.Right);
        }
        local.Merged.AddRange(rightScope.Merged);
        local.HiddenFromStar.UnionWith(rightScope.HiddenFromStar);
        var type = join.Kind switch
        {
            JoinKind.Inner => JoinType.Inner,
            JoinKind.Left => JoinType.Left,
            JoinKind.Right => JoinType.Right,
            JoinKind.Full => JoinType.Full,
            _ => JoinType.Cross,
        };
        var keys = SqlList<EquiKey>.Empty;
        BoundExpr? condition = null;
        var fullMerges = new List<(string Name, BoundExpr Left, BoundExpr Right)>();
        if (join.Natural)
        {
            // NATURAL is USING over the column names both sides show; with none in common it is a cross product
            // (or an outer join ON TRUE), as in PostgreSQL.
            keys = BindUsing(join, CommonColumnNames(leftScope, rightScope), type, leftScope, rightScope, local, ctes, fullMerges);
        }
        else if (join.Using.Count > 0)
        {
            keys = BindUsing(join, join.Using, type, leftScope, rightScope, local, ctes, fullMerges);
        }
        else if (join.On is not null)
        {
            condition = new ExprBinder(context, this, local, ctes, "JOIN conditions").BindPredicate(join.On, "JOIN/ON");
        }
        LogicalPlan plan = ReadsFrom(right, left)
            ? LateralJoin(type, left, right, keys, condition)
            : new Join(type, left, right, keys, condition);
        if (fullMerges.Count > 0)
        {
            plan = MergeFullJoinColumns(plan, fullMerges, local);
        }
        scope.Absorb(local);
        return plan;
    }

    /// <summary>
    /// FULL JOIN … USING (and NATURAL FULL JOIN): either side of a merged column may be NULL-extended, so
    /// PostgreSQL's merged column is COALESCE(left, right) — a value no input has. A projection over the join adds
    /// it; every other column passes through under a new id, and the scope's relations are moved onto those ids so
    /// qualified names (a.k, b.k) still reach each side's own column.
    /// </summary>
    private LogicalPlan MergeFullJoinColumns(LogicalPlan join, List<(string Name, BoundExpr Left, BoundExpr Right)> merges, Scope local)
    {
        var moved = new Dictionary<ColumnId, PlanColumn>();
        var items = new List<ProjectItem>();
        foreach (var column in join.Output)
        {
            var passed = context.NewColumn(column.Name, column.Type);
            moved[column.Id] = passed;
            items.Add(new ProjectItem(passed, BoundColumn.Of(column)));
        }
        var merged = new List<PlanColumn>();
        foreach (var (name, left, right) in merges)
        {
            var column = context.NewColumn(name, left.Type);
            items.Add(new ProjectItem(column, new BoundCall(CoalesceId, "coalesce", CallKind.Function, SqlList.Create<BoundExpr>([left, right]), left.Type)));
            merged.Add(column);
        }
        PlanColumn Move(PlanColumn c) => moved.GetValueOrDefault(c.Id, c);
        for (var i = 0; i < local.Relations.Count; i++)
        {
            local.Relations[i] = local.Relations[i] with { Columns = SqlList.From(local.Relations[i].Columns.Select(Move)) };
        }
        var earlier = local.Merged.Select(Move).ToList();
        local.Merged.Clear();
        local.Merged.AddRange(merged);
        local.Merged.AddRange(earlier);
        var hidden = local.HiddenFromStar.Select(id => moved.TryGetValue(id, out var c) ? c.Id : id).ToList();
        local.HiddenFromStar.Clear();
        local.HiddenFromStar.UnionWith(hidden);
        return new Project(join, SqlList.From(items));
    }

    private static readonly string CoalesceId = BuiltinFunctions.All.First(f => f.Name == "coalesce").Id;

    /// <summary>The names in both inputs' * lists, in the left input's order.</summary>
    private static List<string> CommonColumnNames(Scope leftScope, Scope rightScope)
    {
        var right = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in rightScope.StarColumns())
        {
            right.Add(column.Name);
        }
        var common = new List<string>();
        foreach (var column in leftScope.StarColumns())
        {
            if (right.Contains(column.Name) && !common.Contains(column.Name))
            {
                common.Add(column.Name);
            }
        }
        return common;
    }

    private SqlList<EquiKey> BindUsing(JoinTable join, IReadOnlyList<string> names, JoinType type, Scope leftScope, Scope rightScope, Scope local, CteScope ctes,
        List<(string Name, BoundExpr Left, BoundExpr Right)> fullMerges)
    {
        if (names.Count == 0)
        {
            return SqlList<EquiKey>.Empty;
        }
        var binder = new ExprBinder(context, this, local, ctes, "JOIN conditions");
        var keys = new List<EquiKey>();
        foreach (var name in names)
        {
            var leftColumn = leftScope.Find([name], join)
                ?? throw BinderErrors.Error(SqlState.UndefinedColumn, $"column \"{name}\" specified in USING clause does not exist in left table", join);
            var rightColumn = rightScope.Find([name], join)
                ?? throw BinderErrors.Error(SqlState.UndefinedColumn, $"column \"{name}\" specified in USING clause does not exist in right table", join);
            var equality = (BoundCall)binder.TypeOperator("=", BoundColumn.Of(leftColumn), BoundColumn.Of(rightColumn), join);
            keys.Add(new EquiKey(equality.Arguments[0], equality.Arguments[1]));
            if (type == JoinType.Full)
            {
                // Both sides hide; MergeFullJoinColumns adds COALESCE(left, right) under the name.
                local.Merged.RemoveAll(c => c.Name == name);
                local.HiddenFromStar.Add(leftColumn.Id);
                local.HiddenFromStar.Add(rightColumn.Id);
                fullMerges.Add((name, equality.Arguments[0], equality.Arguments[1]));
                continue;
            }
            // The merged column is the side that is never NULL-extended (PostgreSQL uses COALESCE only for FULL).
            var (kept, hidden) = type == JoinType.Right ? (rightColumn, leftColumn) : (leftColumn, rightColumn);
            local.Merged.RemoveAll(c => c.Name == name);
            local.Merged.Add(kept);
            local.HiddenFromStar.Add(hidden.Id);
        }
        return SqlList.From(keys);
    }
}
