using Vnd.Engine.Catalog;
using Vnd.Engine.Sessions;
using Vnd.Executor.Analysis;
using Vnd.Executor.Storage;
using Vnd.Planner.Binding;
using Vnd.Planner.Explain;
using Vnd.Planner.Rules;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Engine.Cli;

/// <summary>
/// EXPLAIN [VERBOSE | ANALYZE] for <c>vnd query</c>: the plan as a one-column "QUERY PLAN" result, one row per
/// line as psql shows it. ANALYZE runs the query with every node instrumented (see <see cref="ExplainAnalyze"/>).
/// </summary>
public static class QueryExplain
{
    public static QueryResult Run(TraceTableStore store, string tenant, ExplainStatement explain)
    {
        var catalog = new TraceCatalog(store, tenant);
        var optimized = Optimizer.Default.Optimize(new Binder(catalog).Bind(explain).Plan);
        IReadOnlyList<string> lines;
        if (ExplainAnalyze.Requested(explain))
            lines = ExplainAnalyze.Run(optimized.Plan, catalog.Source);
        else if (ExplainAnalyze.IsSet(explain, "verbose"))
            lines = Lines(VerboseExplain.Format(optimized));
        else
            lines = Lines(Vnd.Executor.PhysicalPlanning.ExchangePlacement.Explain(optimized.Plan));
        var rows = new List<object?[]>(lines.Count);
        foreach (var line in lines)
            rows.Add([line]);
        return new QueryResult(["QUERY PLAN"], [SqlType.Text], rows);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
