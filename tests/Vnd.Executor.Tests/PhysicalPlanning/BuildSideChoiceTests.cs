using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Joins;
using Vnd.Executor.PhysicalPlanning;
using Vnd.Executor.Tests.Operators;
using Vnd.Planner.Binding;
using Vnd.Planner.Catalog;
using Vnd.Planner.Rules;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Executor.Tests.PhysicalPlanning;

/// <summary>A self-join whose left side alone is filtered builds its hash table on the left (the smaller side)
/// and still returns left's columns first.</summary>
public sealed class BuildSideChoiceTests
{
    private static readonly InMemoryTable Packets = TracePacket.Table(TracePacket.Generate(4_000, 3).In);

    private static PhysicalOperator Plan(string sql, Vnd.Executor.Analysis.PlanAnalysis? analysis = null)
    {
        var catalog = new InMemoryCatalog();
        catalog.AddTable(new TableDefinition("public", "packets", SqlList.From(TracePacket.Names.Select((n, i) => new ColumnDefinition(n, TracePacket.Types[i])))));
        var optimized = Optimizer.Default.Optimize(new Binder(catalog).Bind(sql).Plan).Plan;
        return new PhysicalPlanner(_ => Packets) { Analysis = analysis }.Plan(optimized);
    }

    private static HashJoinOperator FindJoin(PhysicalOperator plan) =>
        plan as HashJoinOperator ?? plan.Children.Select(FindJoin).First(j => j is not null);

    [Fact]
    public void The_filtered_side_of_a_self_join_is_built_and_columns_keep_their_order()
    {
        const string Rtt = "select f.ts, f.srcip, f.seq, b.ts, b.dstip, b.ack from packets f join packets b " +
            "on f.srcip = b.dstip and f.dstip = b.srcip and f.seq + f.payload_length = b.ack where f.payload_length > 0";
        // The same join written the other way round: its left side is not filtered, so it is not swapped.
        const string Reversed = "select f.ts, f.srcip, f.seq, b.ts, b.dstip, b.ack from packets b join packets f " +
            "on f.srcip = b.dstip and f.dstip = b.srcip and f.seq + f.payload_length = b.ack where f.payload_length > 0";
        var swapped = Plan(Rtt);
        Assert.IsType<FilterOperator>(FindJoin(swapped).Build, exactMatch: false);
        var kept = Plan(Reversed);
        Assert.IsType<FilterOperator>(FindJoin(kept).Build, exactMatch: false);
        // EXPLAIN ANALYZE wraps every node in counters; it must still measure the swapped plan.
        var analyzed = FindJoin(Plan(Rtt, new Vnd.Executor.Analysis.PlanAnalysis())).Build;
        Assert.IsType<FilterOperator>(Assert.IsType<Vnd.Executor.Analysis.AnalyzedOperator>(analyzed).Input);
        var rows = Plans.Run(swapped);
        Assert.NotEmpty(rows);
        Assert.Equal(Plans.Sorted(Plans.Run(kept)), Plans.Sorted(rows));
    }
}
