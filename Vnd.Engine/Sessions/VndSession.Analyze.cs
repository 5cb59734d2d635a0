using System.Diagnostics;
using Vnd.Executor.Analysis;
using Vnd.Executor.Operators;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Engine.Sessions;

public sealed partial class VndSession
{
    /// <summary>
    /// EXPLAIN ANALYZE: runs the query with every plan node instrumented (statement_timeout and cancellation apply
    /// as to the query itself; its error, if it fails, is the statement's error) and returns the annotated plan as
    /// one text row per line, as PostgreSQL does. Over table servers the query runs distributed, as it would
    /// without ANALYZE, and the report is the distributed plan with each fragment's and exchange's actual rows,
    /// bytes and time next to the predicted ones.
    /// </summary>
    private TextRowsResult ExplainAnalyzed(ExplainStatement explain, PreparedQuery? prepared, BoundLiteral[]? parameters)
    {
        if (explain.Target is not SelectStatement select)
            throw SqlErrors.FeatureNotSupported("not supported yet: EXPLAIN ANALYZE of this statement");
        var query = prepared ?? PreparedQuery.Prepare(_catalog, select.Query, null);
        IReadOnlyList<string> lines;
        var sites = query.RunsDistributed(_tables) ? _tables.Sites!().With(_settings.JoinStrategy) : null;
        var distributed = sites?.Plan(query.Plan, parameters);
        // A plan that stays whole at the coordinator (tables imported here) gets the per-operator report instead.
        if (sites is not null && distributed is not null && !(distributed.Fragments.Count == 1 && distributed.RootFragment.Site.IsCoordinator))
        {
            var analysis = sites.Analyze(distributed, parameters, _tables.ResolveTable, _transaction.Start, _context.TimeZone);
            var clock = Stopwatch.StartNew();
            var rows = Drain(analysis.Physical);
            lines = analysis.Report(rows, clock.Elapsed);
        }
        else
        {
            var analyze = new ExplainAnalyze(query.Plan, _tables.ResolveTable, parameters, _context.TimeZone);
            var clock = Stopwatch.StartNew();
            Drain(analyze.Physical);
            lines = analyze.Report(clock.Elapsed);
        }
        return new TextRowsResult(TextRowsResult.Describe("QUERY PLAN"), lines.Select(l => new string?[] { l }).ToList(), "EXPLAIN");
    }

    /// <summary>Runs <paramref name="plan"/> to the end under the statement timeout; its rows are counted and dropped.</summary>
    private long Drain(PhysicalOperator plan)
    {
        long rows = 0;
        using var open = new OpenQuery(plan, _resources);
        open.Arm(_execution.StatementTimeout);
        while (open.TryTake(int.MaxValue, CancellationToken.None, out _, out var taken))
            rows += taken.Length;
        return rows;
    }
}
