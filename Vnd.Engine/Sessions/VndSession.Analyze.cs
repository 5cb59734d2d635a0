using System.Diagnostics;
using Vnd.Executor.Analysis;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Engine.Sessions;

public sealed partial class VndSession
{
    /// <summary>
    /// EXPLAIN ANALYZE: runs the query here with every plan node instrumented (statement_timeout and cancellation
    /// apply as to the query itself; its error, if it fails, is the statement's error) and returns the annotated
    /// plan as one text row per line, as PostgreSQL does.
    /// </summary>
    private TextRowsResult ExplainAnalyzed(ExplainStatement explain, PreparedQuery? prepared, BoundLiteral[]? parameters)
    {
        if (explain.Target is not SelectStatement select)
            throw SqlErrors.FeatureNotSupported("not supported yet: EXPLAIN ANALYZE of this statement");
        var query = prepared ?? PreparedQuery.Prepare(_catalog, select.Query, null);
        var analyze = new ExplainAnalyze(query.Plan, _tables.ResolveTable, parameters);
        var clock = Stopwatch.StartNew();
        using (var open = new OpenQuery(analyze.Physical))
        {
            open.Arm(_execution.StatementTimeout);
            while (open.TryTake(int.MaxValue, CancellationToken.None, out _, out _))
            {
            }
        }
        var lines = analyze.Report(clock.Elapsed);
        return new TextRowsResult(TextRowsResult.Describe("QUERY PLAN"), lines.Select(l => new string?[] { l }).ToList(), "EXPLAIN");
    }
}
