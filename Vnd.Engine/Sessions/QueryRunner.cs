using Microsoft.Data.Analysis;
using Vnd.Engine.Catalog;
using Vnd.Engine.Catalog.System;
using Vnd.Executor.Operators;
using Vnd.Executor.Execution;
using Vnd.Executor.Frames;
using Vnd.Executor.PhysicalPlanning;
using Vnd.Executor.Storage;
using Vnd.Executor.Vectors;
using Vnd.Planner.Binding;
using Vnd.Planner.Catalog;
using Vnd.Planner.Logical;
using Vnd.Planner.Rules;

namespace Vnd.Engine.Sessions;

/// <summary>
/// The embedded query path for one tenant: SQL → parse → bind (against the tenant's trace tables) → optimize →
/// physical plan → run. Errors keep their SQLSTATE: planner errors are <see cref="Vnd.Planner.Errors.SqlException"/>,
/// run-time ones <see cref="Vnd.Executor.ExecutionException"/>, damaged storage a <see cref="StorageException"/>.
/// </summary>
/// <remarks>
/// Built over a bare <see cref="TraceCatalog"/> it sees the trace tables only; over a <see cref="SystemCatalog"/>
/// also pg_catalog, information_schema and the session's catalog functions, as a wire session does.
/// </remarks>
public sealed class QueryRunner
{
    private readonly ICatalog _catalog;
    private readonly Func<Scan, IBatchSource> _sources;
    private readonly SystemCatalog? _system;
    private readonly QueryResources _resources = QueryResources.ForMachine();

    public QueryRunner(TraceTableStore store, string tenant)
    {
        var catalog = new TraceCatalog(store, tenant);
        _catalog = catalog;
        _sources = catalog.Source;
        Tenant = tenant;
    }

    public QueryRunner(SystemCatalog catalog)
    {
        _catalog = _system = catalog;
        _sources = catalog.Source;
        Tenant = catalog.Session.Schema;
    }

    public string Tenant { get; }

    public QueryResult Run(string sql, CancellationToken cancellation = default)
    {
        var (plan, names, types) = Plan(sql);
        var rows = new List<object?[]>();
        using var context = _resources.NewQuery(cancellation);
        using var stream = plan.Open(context);
        while (stream.Next() is { } batch)
        {
            foreach (var r in batch.Rows)
            {
                var row = new object?[batch.ColumnCount];
                for (var c = 0; c < row.Length; c++)
                    row[c] = VectorValues.Get(batch[c], r);
                rows.Add(row);
            }
        }
        return new QueryResult(names, types, rows);
    }

    /// <summary>Runs a query and returns its result as a typed <see cref="DataFrame"/> (see <see cref="DataFrameBuilder"/>
    /// for the column types; NULLs stay nulls), for .NET diagnosis apps.</summary>
    public DataFrame RunDataFrame(string sql, CancellationToken cancellation = default)
    {
        var (plan, names, types) = Plan(sql);
        var frame = new DataFrameBuilder(names, types);
        using var context = _resources.NewQuery(cancellation);
        using var stream = plan.Open(context);
        while (stream.Next() is { } batch)
            frame.Append(batch);
        return frame.ToDataFrame();
    }

    private (PhysicalOperator Plan, string[] Names, Vnd.Planner.Types.SqlType[] Types) Plan(string sql)
    {
        _system?.BeginStatement();
        var bound = new Binder(_catalog).Bind(sql);
        var optimized = Optimizer.Default.Optimize(bound.Plan).Plan;
        var plan = new PhysicalPlanner(_sources).Plan(_system?.WithJoinKeys(optimized, null) ?? optimized);
        var columns = optimized.Output;
        var names = new string[columns.Count];
        var types = new Vnd.Planner.Types.SqlType[columns.Count];
        for (var c = 0; c < names.Length; c++)
        {
            names[c] = columns[c].Name;
            types[c] = columns[c].Type;
        }
        return (plan, names, types);
    }
}
