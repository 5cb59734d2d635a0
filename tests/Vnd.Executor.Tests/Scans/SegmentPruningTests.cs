using Vnd.Executor.PhysicalPlanning;
using Vnd.Executor.Scans;
using Vnd.Executor.Storage;
using Vnd.Executor.Tests.Operators;
using Vnd.Executor.Tests.Storage;
using Vnd.Planner.Binding;
using Vnd.Planner.Catalog;
using Vnd.Planner.Logical;
using Vnd.Planner.Rules;
using Vnd.Planner.Syntax.Ast;
using TableRef = Vnd.Executor.Storage.TableRef;

namespace Vnd.Executor.Tests.Scans;

public sealed class SegmentPruningTests
{
    private static readonly TableRef Packets = new("public", "packets");

    [Theory]
    // i8 = row * 1_000_003 - 7 (null every 11th row from 6): segments hold rows [0, 7000), [7000, 14000), [14000, 20000).
    [InlineData("i8 >= 14000042000", new[] { false, false, true })]
    [InlineData("i8 < 6999020997", new[] { true, false, false })]
    [InlineData("i8 between 7000021000 and 8000024000", new[] { false, true, false })]
    [InlineData("f8 > 100000.0", new[] { false, false, false })]
    [InlineData("info = 'row-5'", new[] { true, true, true })]
    public void Hints_skip_only_segments_that_cannot_match_and_results_stay_exact(string where, bool[] kept)
    {
        using var data = new TempDataDirectory();
        var store = new TraceTableStore(data.Path);
        using (var writer = store.CreateWriter(Packets, SampleRows.Schema, new TraceTableWriterOptions { RowsPerSegment = 7_000 }))
        {
            SampleRows.Write(writer, 0, 20_000);
            writer.Commit();
        }
        var table = store.OpenTable(Packets);
        var catalog = new InMemoryCatalog().AddTable(new TableDefinition("public", "packets",
            SqlList.From(table.Schema.Columns.Select(c => new ColumnDefinition(c.Name, c.Type)))));
        var plan = Optimizer.Default.Optimize(new Binder(catalog).Bind("select count(*) from packets where " + where).Plan).Plan;
        Scan? scan = null;
        PlanWalk.Visit(plan, node => scan ??= node as Scan);
        var keep = SegmentPruning.For(scan!);
        Assert.True(keep is not null || kept.All(k => k), plan.ToString() + string.Join(";", scan!.PruningHints.Select(h => h.Lower?.Value?.GetType().Name + " " + h.Upper?.Value?.GetType().Name)));
        Assert.Equal(kept, table.Segments.Select(s => keep is null || keep(s)).ToArray());

        var pruned = Plans.Run(new PhysicalPlanner(s => new TraceTableBatchSource(table, SegmentPruning.For(s))).Plan(plan));
        var full = Plans.Run(new PhysicalPlanner(_ => new TraceTableBatchSource(table)).Plan(plan));
        Assert.Equal(full[0][0], pruned[0][0]);
    }
}
