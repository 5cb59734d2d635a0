using Vnd.Executor.Operators;
using Vnd.Executor.PhysicalPlanning;
using Vnd.Planner.Binding;
using Vnd.Planner.Catalog;
using Vnd.Planner.Logical;
using Vnd.Planner.Rules;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Engine.Sessions;

/// <summary>
/// A query bound and optimized once (at Parse, or once per simple-query statement); each Bind plans it physically
/// with that Bind's parameter values, because physical operators hold constants, not parameter slots.
/// </summary>
public sealed class PreparedQuery
{
    private PreparedQuery(LogicalPlan plan, SqlList<SqlType> parameterTypes, ResultShape shape)
    {
        Plan = plan;
        ParameterTypes = parameterTypes;
        Shape = shape;
    }

    public LogicalPlan Plan { get; }

    /// <summary>
    /// Whether the plan reads a trace table. pg_catalog and information_schema are built in memory here, so a catalog
    /// query (psql's <c>\d t</c> sends eight) has nothing to place: placing opens every table of the tenant.
    /// </summary>
    private bool ReadsTables => _readsTables ??= Scans.Exists(s => s.Schema is not ("pg_catalog" or "information_schema"));

    private bool? _readsTables;

    /// <summary>The plan's scans, subqueries included (the plan never changes, so they are listed once).</summary>
    private List<Scan> Scans => _scans ??= Vnd.Planner.Distributed.PlanRewrite.Scans(Plan);

    private List<Scan>? _scans;

    /// <summary>Types of $1…$n after inference.</summary>
    public SqlList<SqlType> ParameterTypes { get; }

    public ResultShape Shape { get; }

    public static PreparedQuery Prepare(ICatalog catalog, Query query, SqlList<SqlType>? declared)
    {
        var bound = new Binder(catalog).Bind(query, declared);
        var plan = Optimizer.Default.Optimize(bound.Plan).Plan;
        return new PreparedQuery(plan, bound.ParameterTypes, ResultShape.Of(plan.Output, ColumnOrigins.Of(plan), catalog as Catalog.IRelationOids));
    }

    /// <summary>True when the query is split over the session's table servers (it reads a table and they exist).</summary>
    public bool RunsDistributed(SessionCatalog tables) => tables.Sites is not null && ReadsTables;

    /// <summary>The operators to run: split over the table servers when the session has them, else all here.</summary>
    /// <remarks>
    /// A plan that reads no table (<c>SELECT 1</c>, a health check) has nothing to place: it runs here. Nor does one
    /// whose every table is at the coordinator (an offline import: the table of most small queries): the distributed
    /// planner would make it one coordinator fragment and run it through a ticket with the same physical planner, a
    /// pass and a round trip that were 19% of a small query's CPU under pgbench.
    /// <paramref name="transactionStart"/> is the open transaction block's start (now() and 'now' in it), null
    /// outside a block; <paramref name="zone"/> the session's TimeZone (UTC when null). A plan split over table
    /// servers ships them, and the coordinator's statement time, to every fragment.
    /// </remarks>
    public PhysicalOperator Physical(SessionCatalog tables, BoundLiteral[]? parameters,
        Vnd.Planner.Distributed.JoinStrategyChoice joins = Vnd.Planner.Distributed.JoinStrategyChoice.Auto, DateTime? transactionStart = null,
        TimeZoneInfo? zone = null)
    {
        if (RunsDistributed(tables) && tables.Sites!() is var sites && !sites.AllAtCoordinator(Scans))
            return sites.With(joins).Physical(Plan, parameters, tables.ResolveTable, transactionStart, zone);
        return new PhysicalPlanner(tables.ResolveTable, parameters) { TransactionTime = transactionStart, TimeZone = zone ?? TimeZoneInfo.Utc }.Plan(!ReadsTables && tables.CatalogJoinKeys is { } keys ? keys(Plan, parameters) : Plan);
    }
}
