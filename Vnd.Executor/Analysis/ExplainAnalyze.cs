using System.Diagnostics;
using System.Globalization;
using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Executor.PhysicalPlanning;
using Vnd.Planner.Explain;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Executor.Analysis;

/// <summary>
/// EXPLAIN ANALYZE: plans a query with every node instrumented, runs it to the end (its rows are counted and
/// dropped, as PostgreSQL does), and reports the plan in EXPLAIN's tree shape with each node's actual rows,
/// batches, loops (streams opened: partitions of a parallel drain), time inside the node including its inputs,
/// and self time (that minus its inputs' time; approximate when inputs ran on several workers, whose times add
/// up). A query that fails while running fails the EXPLAIN ANALYZE with its own error.
/// </summary>
public sealed class ExplainAnalyze
{
    private readonly LogicalPlan _plan;
    private readonly PlanAnalysis _analysis = new();

    /// <param name="zone">The session's TimeZone, which expressions read timestamptz calendars in (UTC when null).</param>
    public ExplainAnalyze(LogicalPlan plan, Func<Scan, IBatchSource> tables, IReadOnlyList<BoundLiteral>? parameters = null, TimeZoneInfo? zone = null)
    {
        _plan = plan;
        Physical = new PhysicalPlanner(tables, parameters) { Analysis = _analysis, TimeZone = zone ?? TimeZoneInfo.Utc }.Plan(plan);
    }

    /// <summary>The instrumented operators; run them (to the end) before asking for the <see cref="Report"/>.</summary>
    public PhysicalOperator Physical { get; }

    /// <summary>True when EXPLAIN's options ask for ANALYZE (<c>ANALYZE</c>, <c>(ANALYZE)</c>, <c>(ANALYZE on)</c>).</summary>
    public static bool Requested(ExplainStatement explain) => IsSet(explain, "analyze") || IsSet(explain, "analyse");

    /// <summary>True when the boolean EXPLAIN option <paramref name="name"/> is given without a value or as true/on/1.</summary>
    public static bool IsSet(ExplainStatement explain, string name)
    {
        ArgumentNullException.ThrowIfNull(explain);
        foreach (var option in explain.Options)
        {
            if (option.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                return option.Value is null || option.Value.ToUpperInvariant() is "TRUE" or "ON" or "1";
        }
        return false;
    }

    /// <summary>Plans, runs and reports in one call (the embedded path: <c>vnd query</c>, tests).</summary>
    public static IReadOnlyList<string> Run(LogicalPlan plan, Func<Scan, IBatchSource> tables, CancellationToken cancellation = default)
    {
        var analyze = new ExplainAnalyze(plan, tables);
        var clock = Stopwatch.StartNew();
        using (var context = new QueryContext(cancellation))
        using (var stream = analyze.Physical.Open(context))
        {
            while (stream.Next() is not null)
                context.CheckCancelled();
        }
        return analyze.Report(clock.Elapsed);
    }

    /// <summary>The report lines: the annotated plan, then the execution time.</summary>
    public IReadOnlyList<string> Report(TimeSpan execution)
    {
        var lines = new List<string>(PlanText.Format(_plan, Annotate, Exchange).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            "Execution Time: " + Milliseconds(execution) + " ms",
        };
        return lines;
    }

    private string Annotate(LogicalPlan node)
    {
        if (_analysis.For(node) is not { Loops: > 0 } counters)
            return "(never executed)";
        var self = counters.Elapsed;
        foreach (var input in node.Inputs)
        {
            // An input read through an exchange took the consumer the exchange's time, not its workers' sum.
            if ((_analysis.ExchangeFor(input) ?? _analysis.For(input)) is { } inputCounters)
                self -= inputCounters.Elapsed;
        }
        return _analysis.NoteFor(node) is { } note ? note + "  " + Actual(counters, self) : Actual(counters, self);
    }

    /// <summary>The exchange's line above the node it gathers; its time is the consumer's wait for batches.</summary>
    private string? Exchange(LogicalPlan node)
    {
        if (_analysis.ExchangeFor(node) is not { } counters)
            return null;
        var line = GatherOperator.Describe(ordered: true, workers: null);
        return counters.Loops == 0 ? line + "  (never executed)" : line + "  " + Actual(counters, counters.Elapsed);
    }

    private static string Actual(OperatorCounters counters, TimeSpan self)
    {
        if (self < TimeSpan.Zero)
            self = TimeSpan.Zero;
        return string.Create(CultureInfo.InvariantCulture,
            $"(actual rows={counters.Rows} batches={counters.Batches} loops={counters.Loops} time={Milliseconds(counters.Elapsed)} ms self={Milliseconds(self)} ms)");
    }

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture);
}
