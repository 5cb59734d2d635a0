using Vnd.Executor.Operators;
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

namespace Vnd.Executor.Tests.PhysicalPlanning;

/// <summary>
/// count(*) of a whole trace table from its manifest's row counts, over the snapshot the rest of the query reads
/// (real trace tables on disk, segments appended between two scans' resolution).
/// </summary>
public sealed class RowCountShortcutTests : IDisposable
{
    private static readonly TableRef Packets = new("public", "packets");
    private readonly TempDataDirectory _data = new();
    private readonly TraceTableStore _store;
    private readonly InMemoryCatalog _catalog;

    public RowCountShortcutTests()
    {
        _store = new TraceTableStore(_data.Path);
        Append(0, 20_000);
        _catalog = new InMemoryCatalog().AddTable(new TableDefinition("public", "packets",
            SqlList.From(SampleRows.Schema.Columns.Select(c => new ColumnDefinition(c.Name, c.Type)))));
    }

    public void Dispose() => _data.Dispose();

    private void Append(long first, long count)
    {
        using var writer = _store.CreateWriter(Packets, SampleRows.Schema, new TraceTableWriterOptions { RowsPerSegment = 7_000 });
        SampleRows.Write(writer, first, count);
        writer.Commit();
    }

    private PhysicalOperator Plan(string sql, Func<Scan, IBatchSource> resolve) =>
        new PhysicalPlanner(resolve).Plan(Optimizer.Default.Optimize(new Binder(_catalog).Bind(sql).Plan).Plan);

    private IBatchSource Current(Scan scan) => new TraceTableBatchSource(_store.OpenTable(Packets), SegmentPruning.For(scan));

    [Theory]
    [InlineData("select count(*) from packets", 1)]
    [InlineData("select count(*), count(*) as again from packets", 2)]
    [InlineData("select count(*) from (select i8 + 1 as x from packets) p", 1)]
    public void A_whole_table_count_reads_the_manifest_not_a_column(string sql, int columns)
    {
        var plan = Plan(sql, Current);

        Assert.Contains("public.packets row count", plan.Explain(), StringComparison.Ordinal);
        Assert.DoesNotContain("Scan public.packets [", plan.Explain(), StringComparison.Ordinal);
        Assert.Equal(Enumerable.Repeat((object?)20_000L, columns), Assert.Single(Plans.Run(plan)));
    }

    [Theory]
    [InlineData("select count(*) from packets where i8 > 0")]
    [InlineData("select count(i8) from packets")]
    [InlineData("select count(*) from packets group by flag")]
    [InlineData("select count(distinct i8) from packets")]
    [InlineData("select count(*) filter (where flag) from packets")]
    [InlineData("select count(*) from (select * from packets limit 10) p")]
    public void Filters_groups_and_other_aggregates_still_scan(string sql)
    {
        var plan = Plan(sql, Current);

        Assert.DoesNotContain("row count", plan.Explain(), StringComparison.Ordinal);
        var scanned = Plans.Run(new PhysicalPlanner(Current).Plan(Optimizer.Default.Optimize(new Binder(_catalog).Bind(sql).Plan).Plan));
        Assert.Equal(Plans.Sorted(scanned), Plans.Sorted(Plans.Run(plan)));
    }

    /// <summary>A source that cannot count exactly (memory, remote, system relations) is scanned.</summary>
    [Fact]
    public void A_source_without_an_exact_count_is_scanned()
    {
        var table = new InMemoryTable([.. SampleRows.Schema.Columns.Select(c => c.Type)], [.. SampleRows.Schema.Columns.Select(c => c.Name)]);
        table.AppendRow(new object?[SampleRows.Schema.Count]);

        var plan = Plan("select count(*) from packets", _ => table);

        Assert.DoesNotContain("row count", plan.Explain(), StringComparison.Ordinal);
        Assert.Equal(1L, Assert.Single(Plans.Run(plan))[0]);
    }

    /// <summary>
    /// The share query of the benchmark: segments committed after the first scan resolved its table must not reach
    /// the second (the count in the scalar subquery), or the shares would not add up to 1.
    /// </summary>
    [Fact]
    public void The_count_and_the_scan_of_one_query_read_one_snapshot_while_segments_are_appended()
    {
        var resolved = 0;
        IBatchSource AppendingMeanwhile(Scan scan)
        {
            var source = Current(scan);
            if (resolved++ == 0)
                Append(20_000, 5_000);
            return source;
        }

        var plan = Plan("select flag, count(*) as packets, count(*)::float8 / (select count(*) from packets) as share from packets group by flag",
            AppendingMeanwhile);
        var rows = Plans.Run(plan);

        Assert.Equal(2, resolved);
        Assert.Equal(20_000L, rows.Sum(r => (long)r[1]!));
        Assert.Equal(1.0, rows.Sum(r => (double)r[2]!), 9);
        Assert.Equal(25_000L, _store.OpenTable(Packets).RowCount);
    }

    [Fact]
    public void The_exact_count_is_of_the_segments_the_scan_keeps()
    {
        var table = _store.OpenTable(Packets);
        var source = new TraceTableBatchSource(table, s => s.Number != table.Segments[1].Number);

        Assert.Equal(20_000 - table.Segments[1].Rows, source.ExactRowCount());
        Assert.Equal(20_000L, new TraceTableBatchSource(table).ExactRowCount());
    }
}
