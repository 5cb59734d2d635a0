using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Executor.PhysicalPlanning;
using Vnd.Executor.Vectors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Engine.Catalog.System;

/// <summary>
/// Passes a catalog join's keys sideways into the relation a client filters only through the join. pgJDBC's
/// getColumns filters <c>c.relname LIKE 't1234'</c> and joins <c>pg_attribute a ON a.attrelid = c.oid</c>; Npgsql's
/// type loading joins pg_attribute to composite types that do not exist. Without help pg_attribute is built for
/// (and describes) every table of the tenant: ~100 ms at 3,000 tables. Before such a plan runs, the other side of
/// the join is run on its own and its key values become <c>a.attrelid IN (…)</c> on the pg_attribute scan, which
/// <see cref="CatalogScanKeys"/> turns into building only those tables' rows (none when the set is empty).
/// </summary>
/// <remarks>
/// A semi-join reduction: an inner join (or the inner side of an outer join) drops every row of the target whose key
/// is not among the other side's keys, so filtering the target by them first changes no result. Only catalog-only
/// plans qualify (their relations are built from one snapshot per statement, so both runs of the other side see the
/// same rows), only targets whose rows cost a table description each (pg_attribute by attrelid, pg_class by oid),
/// only from sides that carry a filter of their own (an unfiltered side admits every table anyway), and at most
/// <see cref="MaxKeys"/> keys.
/// </remarks>
public static class CatalogJoinKeys
{
    /// <summary>Beyond this many keys the target is built in full, as without the reduction.</summary>
    public const int MaxKeys = 1000;

    /// <summary>The plan with join keys pushed into catalog scans, or the plan itself when none apply.</summary>
    /// <param name="resolve">The sources of the plan's scans (the session's system catalog).</param>
    /// <param name="parameters">The values of $1…$n, for running the other side of a join.</param>
    public static LogicalPlan Reduce(LogicalPlan plan, Func<Scan, IBatchSource> resolve, BoundLiteral[]? parameters)
    {
        if (!CatalogOnly(plan))
            return plan;
        return PlanWalk.TransformUp(plan, node => node is Join join ? ReduceJoin(join, resolve, parameters) : null);
    }

    private static LogicalPlan? ReduceJoin(Join join, Func<Scan, IBatchSource> resolve, BoundLiteral[]? parameters)
    {
        var (left, right) = (join.Left, join.Right);
        foreach (var key in join.Keys)
        {
            if (key.Left is not BoundColumn l || key.Right is not BoundColumn r || l.Type.Id != r.Type.Id)
                continue;
            // The target may lose rows the join would drop anyway: the right side of an inner, left or semi join,
            // the left side of an inner or right join.
            if (join.Type is JoinType.Inner or JoinType.Left or JoinType.Semi && right is Scan rs && IsTarget(rs, r)
                && Keyed(rs, r, left, l, resolve, parameters) is { } reducedRight)
                right = reducedRight;
            else if (join.Type is JoinType.Inner or JoinType.Right && left is Scan ls && IsTarget(ls, l)
                && Keyed(ls, l, right, r, resolve, parameters) is { } reducedLeft)
                left = reducedLeft;
        }
        return ReferenceEquals(left, join.Left) && ReferenceEquals(right, join.Right) ? null : join with { Left = left, Right = right };
    }

    /// <summary>pg_attribute.attrelid and pg_class.oid: keys whose every value costs building a table's rows.</summary>
    private static bool IsTarget(Scan scan, BoundColumn column)
    {
        if (scan.Schema != "pg_catalog")
            return false;
        foreach (var c in scan.Columns)
        {
            if (c.Column.Id == column.Id)
                return (scan.Table, c.Column.Name) is ("pg_attribute", "attrelid") or ("pg_class", "oid");
        }
        return false;
    }

    /// <summary><paramref name="target"/> filtered to the values <paramref name="column"/> takes in <paramref name="source"/>'s rows, or null.</summary>
    private static Scan? Keyed(Scan target, BoundColumn targetColumn, LogicalPlan source, BoundColumn column,
        Func<Scan, IBatchSource> resolve, BoundLiteral[]? parameters)
    {
        if (!Filtered(source) || Values(source, column, resolve, parameters) is not { } values)
            return null;
        BoundExpr filter = values.Count == 0
            ? new BoundLiteral(false, SqlType.Bool)
            : new BoundInList(targetColumn, SqlList.From(values.Select(v => (BoundExpr)new BoundLiteral(v, targetColumn.Type))), Negated: false);
        return target with { Filters = SqlList.From(target.Filters.Append(filter)) };
    }

    /// <summary>The distinct non-null values of <paramref name="column"/> over <paramref name="source"/>'s rows; null past <see cref="MaxKeys"/>.</summary>
    private static List<object>? Values(LogicalPlan source, BoundColumn column, Func<Scan, IBatchSource> resolve, BoundLiteral[]? parameters)
    {
        var index = -1;
        for (var i = 0; i < source.Output.Count; i++)
        {
            if (source.Output[i].Id == column.Id)
                index = i;
        }
        if (index < 0)
            return null;
        var seen = new HashSet<object>();
        var values = new List<object>();
        using var context = new QueryContext();
        using var stream = new PhysicalPlanner(resolve, parameters).Plan(source).Open(context);
        while (stream.Next() is { } batch)
        {
            foreach (var row in batch.Rows)
            {
                if (VectorValues.Get(batch[index], row) is { } value && seen.Add(value))
                {
                    if (values.Count == MaxKeys)
                        return null;
                    values.Add(value);
                }
            }
        }
        return values;
    }

    private static bool CatalogOnly(LogicalPlan plan)
    {
        var catalogOnly = true;
        PlanWalk.Visit(plan, node => catalogOnly &= node is not Scan { Schema: not ("pg_catalog" or "information_schema") });
        return catalogOnly;
    }

    /// <summary>A side worth running on its own: it filters some scan, and has no LIMIT (which may keep other rows each run).</summary>
    private static bool Filtered(LogicalPlan plan)
    {
        var (filtered, limited) = (false, false);
        PlanWalk.Visit(plan, node =>
        {
            filtered |= node is Scan { Filters.Count: > 0 };
            limited |= node is Limit or Scan { Fetch: not null } or Sort { Fetch: not null };
        });
        return filtered && !limited;
    }
}
