using Vnd.Engine.Catalog;
using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Executor.PhysicalPlanning;
using Vnd.Executor.Storage;
using Vnd.Executor.Vectors;
using Vnd.Planner.Binding;
using Vnd.Planner.Rules;

namespace Vnd.Bench.Queries;

/// <summary>
/// VND's embedded query path over the tenant's trace tables (what <c>vnd query</c> and a wire session run: parse,
/// bind, optimise, plan, pull batches), with the result read by <see cref="BatchReadout"/> instead of being boxed
/// into rows.
/// </summary>
public sealed class VndQueryEngine(TraceTableStore store) : IQueryEngine
{
    private readonly TraceCatalog _catalog = new(store, HopTraces.Tenant);
    // The engine's recycler of join build memory, as a server keeps one (QueryResources): repeated queries reuse it.
    private readonly BufferRecycler _buffers = new(QueryResources.DefaultRecycledBytes);
    // The engine's worker threads, as a server keeps them (QueryResources): parallel steps reuse parked threads.
    private readonly WorkerPool _workers = WorkerPool.ForMachine();

    public string Name => "VND";

    public QueryOutcome Run(string sql)
    {
        long rows = 0;
        long checksum = 0;
        using var context = new QueryContext(buffers: _buffers, workers: _workers);
        using var stream = Plan(sql).Open(context);
        while (stream.Next() is { } batch)
        {
            rows += batch.ActiveCount;
            checksum += BatchReadout.Read(batch);
        }
        return new QueryOutcome(rows, checksum);
    }

    /// <summary>Streams a query's result batches to <paramref name="consume"/> (the loaders of the other engines).</summary>
    public void Stream(string sql, Action<Batch> consume)
    {
        using var context = new QueryContext(buffers: _buffers, workers: _workers);
        using var stream = Plan(sql).Open(context);
        while (stream.Next() is { } batch)
            consume(batch);
    }

    /// <summary>EXPLAIN ANALYZE of <paramref name="sql"/>: the plan with each node's rows and time.</summary>
    public IReadOnlyList<string> Explain(string sql) =>
        Vnd.Executor.Analysis.ExplainAnalyze.Run(Optimizer.Default.Optimize(new Binder(_catalog).Bind(sql).Plan).Plan, _catalog.Source);

    private PhysicalOperator Plan(string sql)
    {
        var bound = new Binder(_catalog).Bind(sql);
        return new PhysicalPlanner(_catalog.Source).Plan(Optimizer.Default.Optimize(bound.Plan).Plan);
    }

    public void Dispose() => _workers.Dispose();
}
