using System.Text.RegularExpressions;
using Vnd.Executor.Analysis;
using Vnd.Executor.Operators;
using Vnd.Executor.PhysicalPlanning;
using Vnd.Executor.Tests.Operators;
using Vnd.Planner.Binding;
using Vnd.Planner.Catalog;
using Vnd.Planner.Errors;
using Vnd.Planner.Explain;
using Vnd.Planner.Logical;
using Vnd.Planner.Rules;
using Vnd.Planner.Syntax;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Executor.Tests.Analysis;

/// <summary>EXPLAIN ANALYZE over the generated In/Out trace tables: the plan's shape, exact row counts, errors.</summary>
public sealed partial class ExplainAnalyzeTests
{
    private static readonly (List<TracePacket> In, List<TracePacket> Out) Packets = TracePacket.Generate(5_000, 11);

    private static readonly Dictionary<string, InMemoryTable> Tables = new()
    {
        ["packets_in"] = TracePacket.Table(Packets.In),
        ["packets_out"] = TracePacket.Table(Packets.Out),
    };

    [GeneratedRegex(@"^(?<plan>.*?)  \(actual rows=(?<rows>\d+) batches=(?<batches>\d+) loops=(?<loops>\d+) time=\d+\.\d{3} ms self=\d+\.\d{3} ms\)$")]
    private static partial Regex Annotated();

    private static LogicalPlan Optimized(string sql)
    {
        var catalog = new InMemoryCatalog();
        foreach (var name in Tables.Keys)
        {
            catalog.AddTable(new TableDefinition("public", name,
                SqlList.From(TracePacket.Names.Select((n, i) => new ColumnDefinition(n, TracePacket.Types[i])))));
        }
        return Optimizer.Default.Optimize(new Binder(catalog).Bind(sql).Plan).Plan;
    }

    private static IReadOnlyList<string> Analyze(string sql) => ExplainAnalyze.Run(Optimized(sql), scan => Tables[scan.Table]);

    private static Match Line(IReadOnlyList<string> report, string startsWith)
    {
        var line = Assert.Single(report, l => l.TrimStart().StartsWith(startsWith, StringComparison.Ordinal));
        var match = Annotated().Match(line);
        Assert.True(match.Success, line);
        return match;
    }

    [Fact]
    public void Report_is_the_explain_tree_with_actual_figures_on_every_line_then_the_execution_time()
    {
        const string sql = "select srcport, count(*) from packets_in where payload_length > 0 group by srcport order by 2 desc";
        var explain = PlanText.Format(Optimized(sql)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var report = Analyze(sql);

        Assert.Equal(explain.Length + 1, report.Count);
        for (var i = 0; i < explain.Length; i++)
        {
            var match = Annotated().Match(report[i]);
            Assert.True(match.Success, report[i]);
            Assert.Equal(explain[i], match.Groups["plan"].Value);
        }
        Assert.Matches(@"^Execution Time: \d+\.\d{3} ms$", report[^1]);
    }

    [Fact]
    public void Actual_rows_are_exact_for_every_node()
    {
        var report = Analyze("select srcport, count(*) from packets_in where payload_length > 0 group by srcport order by 2 desc");
        var withPayload = Packets.In.Count(p => p.Length > 0);
        var ports = Packets.In.Where(p => p.Length > 0).Select(p => p.SrcPort).Distinct().Count();

        var scan = Line(report, "Scan: public.packets_in");
        Assert.Equal(withPayload.ToString(), scan.Groups["rows"].Value);
        Assert.True(int.Parse(scan.Groups["batches"].Value) >= 1);
        Assert.Equal(ports.ToString(), Line(report, "Aggregate:").Groups["rows"].Value);
        Assert.Equal(ports.ToString(), Line(report, "Sort:").Groups["rows"].Value);
        Assert.Equal("1", Line(report, "Sort:").Groups["loops"].Value);
    }

    [Fact]
    public void Join_inputs_and_output_are_counted_separately()
    {
        var report = Analyze("select count(*) from packets_in i where i.id not in (select id from packets_out)");
        Assert.Equal(Packets.In.Count.ToString(), Line(report, "Scan: public.packets_in").Groups["rows"].Value);
        Assert.Equal(Packets.Out.Count.ToString(), Line(report, "Scan: public.packets_out").Groups["rows"].Value);
        var lost = Packets.In.Select(p => p.Id).Except(Packets.Out.Select(p => p.Id)).Count();
        Assert.Equal(lost.ToString(), Line(report, "NullAwareAnti Join:").Groups["rows"].Value);
        Assert.Equal("1", Line(report, "Aggregate:").Groups["rows"].Value);
    }

    [Fact]
    public void A_streaming_root_runs_its_pipeline_in_every_partition_under_an_ordered_gather()
    {
        const string sql = "select i.id, i.srcport from packets_in i where i.payload_length > 0 and i.id not in (select id from packets_out)";
        var plan = Optimized(sql);
        var explain = ExchangePlacement.Explain(plan).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var report = Analyze(sql);

        Assert.StartsWith("Gather: ordered", explain[0], StringComparison.Ordinal);
        Assert.Equal(explain.Length + 1, report.Count);
        for (var i = 0; i < explain.Length; i++)
            Assert.Equal(explain[i], Annotated().Match(report[i]).Groups["plan"].Value);
        var lost = Packets.In.Where(p => p.Length > 0).Select(p => p.Id).Except(Packets.Out.Select(p => p.Id)).ToList();
        var gather = Line(report, "Gather:");
        Assert.Equal(lost.Count.ToString(), gather.Groups["rows"].Value);
        Assert.Equal("1", gather.Groups["loops"].Value);
        // The probe pipeline under it: one stream per partition (the query's parallelism, this machine's cores).
        Assert.True(Environment.ProcessorCount > 1, "needs a machine with two cores to show parallelism");
        Assert.Equal(Environment.ProcessorCount.ToString(), Line(report, "NullAwareAnti Join:").Groups["loops"].Value);
        Assert.Equal(Environment.ProcessorCount.ToString(), Line(report, "Scan: public.packets_in").Groups["loops"].Value);

        // And the rows come out in capture order, as one partition reads them.
        var physical = new PhysicalPlanner(scan => Tables[scan.Table]).Plan(plan);
        Assert.IsType<GatherOperator>(physical);
        Assert.Equal(lost, Plans.Run(physical, parallelism: 2).Select(r => (long)r[0]!));
    }

    [Fact]
    public void A_query_that_fails_while_running_fails_with_its_own_error()
    {
        var error = Assert.ThrowsAny<SqlException>(() => Analyze("select 1 / (payload_length - payload_length) from packets_in"));
        Assert.Equal(SqlState.DivisionByZero, error.SqlState);
    }

    [Fact]
    public void A_plan_that_is_not_analyzed_has_no_instrumentation()
    {
        var plan = new PhysicalPlanner(scan => Tables[scan.Table]).Plan(Optimized("select srcport, count(*) from packets_in group by 1"));
        Assert.DoesNotContain("Analyze", plan.Explain(), StringComparison.Ordinal);
        Assert.Contains("Analyze", new ExplainAnalyze(Optimized("select srcport from packets_in"), scan => Tables[scan.Table]).Physical.Explain(),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("explain analyze select 1", true)]
    [InlineData("explain (analyze) select 1", true)]
    [InlineData("explain (analyze on, verbose) select 1", true)]
    [InlineData("explain (analyze false) select 1", false)]
    [InlineData("explain verbose select 1", false)]
    [InlineData("explain select 1", false)]
    public void Analyze_option_is_recognised(string sql, bool analyze) =>
        Assert.Equal(analyze, ExplainAnalyze.Requested((ExplainStatement)SqlParser.ParseStatement(sql)));
}
