using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>
/// Turns queries into logical plans: WITH, set operations, VALUES, ORDER BY and LIMIT here; FROM and SELECT in the
/// partial files. Each query level gets a <see cref="Scope"/> chained to the enclosing one for correlation.
/// </summary>
internal sealed partial class QueryBinder(BindingContext context)
{
    public LogicalPlan BindQuery(Query query, Scope? outer, CteScope? ctes)
    {
        if (query.Locking is not null)
        {
            throw BinderErrors.Unsupported(query.Locking, query);
        }
        var scope = WithCtes(query.With, ctes);
        LogicalPlan plan;
        if (query.Body is SelectCore core)
        {
            plan = BindSelect(core, query.OrderBy, outer, scope);
        }
        else
        {
            plan = BindBody(query.Body, outer, scope);
            if (query.OrderBy.Count > 0)
            {
                plan = new Sort(plan, SqlList.From(query.OrderBy.Select(item => OutputSortKey(plan, item, scope))));
            }
        }
        return ApplyLimit(plan, query, scope);
    }

    /// <summary>A subquery in an expression: its own level, seeing the current scope as outer.</summary>
    public LogicalPlan BindSubquery(Query query, Scope current, CteScope ctes) => BindQuery(query, current, ctes);

    private CteScope WithCtes(WithClause? with, CteScope? parent)
    {
        var scope = new CteScope(parent);
        if (with is null)
        {
            return scope;
        }
        if (with.Recursive)
        {
            throw BinderErrors.Unsupported("WITH RECURSIVE", with);
        }
        foreach (var cte in with.Tables)
        {
            scope.Add(cte, scope);
        }
        return scope;
    }

    private LogicalPlan BindBody(QueryBody body, Scope? outer, CteScope ctes) => body switch
    {
        Query nested => BindQuery(nested, outer, ctes),
        SelectCore core => BindSelect(core, SqlList<OrderItem>.Empty, outer, ctes),
        ValuesBody values => BindValues(values, outer, ctes),
        SetOperation set => BindSetOperation(set, outer, ctes),
        _ => throw BinderErrors.Unsupported(body.GetType().Name, body),
    };

    private LogicalPlan BindSetOperation(SetOperation set, Scope? outer, CteScope ctes)
    {
        var left = BindBody(set.Left, outer, ctes);
        var right = BindBody(set.Right, outer, ctes);
        var word = set.Operator.ToString().ToUpperInvariant();
        if (left.Output.Count != right.Output.Count)
        {
            throw BinderErrors.Error(SqlState.SyntaxError, $"each {word} query must have the same number of columns", set.Right);
        }
        var types = new SqlType[left.Output.Count];
        for (var i = 0; i < types.Length; i++)
        {
            var common = TypeRules.CommonType(left.Output[i].Type, right.Output[i].Type)
                ?? throw BinderErrors.Error(SqlState.DatatypeMismatch,
                    $"{word} types {left.Output[i].Type.PgName} and {right.Output[i].Type.PgName} cannot be matched", set.Right);
            types[i] = TypeRules.IsUnknown(common) ? SqlType.Text : common;
        }
        var columns = SqlList.From(left.Output.Select((c, i) => context.NewColumn(c.Name, types[i])));
        return new SetOperationPlan(set.Operator, set.All, CastTo(left, types), CastTo(right, types), columns);
    }

    private LogicalPlan CastTo(LogicalPlan plan, SqlType[] types)
    {
        var output = plan.Output;
        if (output.Select((c, i) => TypeRules.SameType(c.Type, types[i])).All(same => same))
        {
            return plan;
        }
        var items = output.Select((c, i) => TypeRules.SameType(c.Type, types[i])
            ? new ProjectItem(c, BoundColumn.Of(c))
            : new ProjectItem(context.NewColumn(c.Name, types[i]), new BoundCast(BoundColumn.Of(c), types[i])));
        return new Project(plan, SqlList.From(items));
    }

    private LogicalPlan BindValues(ValuesBody values, Scope? outer, CteScope ctes)
    {
        var binder = new ExprBinder(context, this, new Scope(outer), ctes, "VALUES");
        var rows = values.Rows.Select(row => row.Select(binder.Bind).ToList()).ToList();
        var width = rows[0].Count;
        if (rows.Any(r => r.Count != width))
        {
            throw BinderErrors.Error(SqlState.SyntaxError, "VALUES lists must all be the same length", values);
        }
        var columns = new List<PlanColumn>();
        for (var i = 0; i < width; i++)
        {
            var type = ExprBinder.CommonTypeOf(rows.Select(r => r[i]).ToList(), "VALUES", values);
            columns.Add(context.NewColumn("column" + (i + 1), type));
            foreach (var row in rows)
            {
                row[i] = binder.Coerce(row[i], type, values);
            }
        }
        return new Values(SqlList.From(columns), SqlList.From(rows.Select(SqlList.From)));
    }

    /// <summary>ORDER BY over a set operation or VALUES: output ordinals and names only, as PostgreSQL allows.</summary>
    private SortKey OutputSortKey(LogicalPlan plan, OrderItem item, CteScope ctes)
    {
        var scope = new Scope(null);
        scope.Relations.Add(new ScopeRelation("", null, plan.Output));
        if (item.Expr is IntegerLiteral ordinal)
        {
            return ExprBinder.MakeSortKey(BoundColumn.Of(OutputAt(plan.Output, ordinal, "ORDER BY")), item);
        }
        return new ExprBinder(context, this, scope, ctes, "ORDER BY").BindSortKey(item);
    }

    private static PlanColumn OutputAt(SqlList<PlanColumn> output, IntegerLiteral ordinal, string clause) =>
        ordinal.Value >= 1 && ordinal.Value <= output.Count
            ? output[(int)ordinal.Value - 1]
            : throw BinderErrors.Error(BinderErrors.InvalidColumnReference, $"{clause} position {ordinal.Value} is not in select list", ordinal);

    private LogicalPlan ApplyLimit(LogicalPlan plan, Query query, CteScope ctes)
    {
        if (query.Limit is null && query.Offset is null)
        {
            return plan;
        }
        var count = query.Limit is null ? null : BindLimitValue(query.Limit, "LIMIT", ctes);
        var offset = query.Offset is null ? null : BindLimitValue(query.Offset, "OFFSET", ctes);
        return query.WithTies ? LimitWithTies(plan, count, offset, query) : new Limit(plan, count, offset);
    }

    /// <summary>
    /// FETCH FIRST … WITH TIES compares rows on the ORDER BY keys, so it sits right on the Sort, below the
    /// projection that drops hidden ORDER BY columns (a projection maps rows one to one).
    /// </summary>
    private static LogicalPlan LimitWithTies(LogicalPlan plan, BoundExpr? count, BoundExpr? offset, Query query)
    {
        if (count is BoundLiteral { Value: null })
        {
            throw BinderErrors.Error(SqlState.InvalidRowCountInLimit, "row count cannot be null in FETCH FIRST ... WITH TIES clause", query.Limit);
        }
        return plan switch
        {
            Sort sort => new Limit(sort, count, offset) { Ties = sort.Keys },
            Project { Input: Sort sort } project => project with { Input = new Limit(sort, count, offset) { Ties = sort.Keys } },
            _ => throw BinderErrors.Error(SqlState.SyntaxError, "WITH TIES cannot be specified without ORDER BY clause", query),
        };
    }

    private BoundExpr BindLimitValue(Expr expr, string clause, CteScope ctes)
    {
        var binder = new ExprBinder(context, this, new Scope(null), ctes, clause);
        BoundExpr bound;
        try
        {
            bound = binder.Bind(expr);
        }
        catch (SqlException e) when (e.SqlState == SqlState.UndefinedColumn)
        {
            throw BinderErrors.Error(BinderErrors.InvalidColumnReference, $"argument of {clause} must not contain variables", expr);
        }
        if (TypeRules.IsUnknown(bound.Type) && bound is BoundLiteral { Value: null })
        {
            return new BoundLiteral(null, SqlType.Int8);
        }
        var coerced = binder.Coerce(bound, SqlType.Int8, expr, softly: true);
        return coerced.Type.Id == TypeId.Int8 ? coerced
            : throw BinderErrors.Error(SqlState.DatatypeMismatch, $"argument of {clause} must be type bigint, not type {bound.Type.PgName}", expr);
    }
}
