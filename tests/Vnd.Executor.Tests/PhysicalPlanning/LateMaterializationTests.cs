using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Executor.PhysicalPlanning;
using Vnd.Executor.Scans;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;
using Vnd.Executor.Tests.Operators;
using Vnd.Executor.Tests.Storage;
using Vnd.Planner.Binding;
using Vnd.Planner.Catalog;
using Vnd.Planner.Logical;
using Vnd.Planner.Rules;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;
using TableRef = Vnd.Executor.Storage.TableRef;

namespace Vnd.Executor.Tests.PhysicalPlanning;

/// <summary>
/// Late materialization of a semi/anti join's probe scan over real trace tables: pin holds 20,000 sample rows of
/// every column type (i8 is the key, NULL in every 11th row); pout holds pin's non-NULL keys except every 50th row's,
/// and pout_null the same plus one NULL key. Every answer is checked against the same plan reading the tables
/// through a source the planner cannot see into (so it scans every column eagerly).
/// </summary>
public sealed class LateMaterializationTests : IDisposable
{
    private const int Rows = 20_000;
    private readonly TempDataDirectory _data = new();
    private readonly TraceTableStore _store;
    private readonly InMemoryCatalog _catalog = new();

    public LateMaterializationTests()
    {
        _store = new TraceTableStore(_data.Path);
        var options = new TraceTableWriterOptions { RowsPerBatch = 5_000, RowsPerSegment = 7_000 };
        using (var writer = _store.CreateWriter(new TableRef("public", "pin"), SampleRows.Schema, options))
        {
            SampleRows.Write(writer, 0, Rows);
            writer.Commit();
        }
        WriteKeys("pout", withNull: false, options);
        WriteKeys("pout_null", withNull: true, options);
        _catalog.AddTable(new TableDefinition("public", "pin", SqlList.From(SampleRows.Schema.Columns.Select(c => new ColumnDefinition(c.Name, c.Type)))));
        foreach (var name in new[] { "pout", "pout_null" })
            _catalog.AddTable(new TableDefinition("public", name, SqlList.From([new ColumnDefinition("id", SqlType.Int8), new ColumnDefinition("n", SqlType.Int4)])));
    }

    public void Dispose() => _data.Dispose();

    private void WriteKeys(string name, bool withNull, TraceTableWriterOptions options)
    {
        var schema = new TableSchema([new ColumnSchema("id", SqlType.Int8), new ColumnSchema("n", SqlType.Int4)]);
        using var writer = _store.CreateWriter(new TableRef("public", name), schema, options);
        for (var row = 0; row < Rows; row++)
        {
            if (row % 50 == 0 || SampleRows.Value(3, row) is not long key)
                continue;
            writer.GetBuilder<Int64ColumnBuilder>(0).Append(key);
            writer.GetBuilder<Int32ColumnBuilder>(1).Append(row);
            writer.EndRow();
        }
        if (withNull)
        {
            writer.Columns[0].AppendNull();
            writer.GetBuilder<Int32ColumnBuilder>(1).Append(-1);
            writer.EndRow();
        }
        writer.Commit();
    }

    private PhysicalOperator Plan(string sql, Func<Scan, IBatchSource> resolve) =>
        new PhysicalPlanner(resolve).Plan(Optimizer.Default.Optimize(new Binder(_catalog).Bind(sql).Plan).Plan);

    private IBatchSource Trace(Scan scan) => new TraceTableBatchSource(_store.OpenTable(new TableRef(scan.Schema, scan.Table)), SegmentPruning.For(scan));

    private IBatchSource Opaque(Scan scan) => new OpaqueSource(Trace(scan));

    /// <summary>pin rows whose key is NULL: 1,818 of them (row % 11 == 2).</summary>
    private static int NullKeys => Enumerable.Range(0, Rows).Count(r => SampleRows.IsNull(3, r));

    /// <summary>pin rows with a key pout lacks (every 50th row's, where that key is not NULL).</summary>
    private static int Missing => Enumerable.Range(0, Rows).Count(r => r % 50 == 0 && !SampleRows.IsNull(3, r));

    [Theory]
    [InlineData("select * from pin where not exists (select 1 from pout o where o.id = pin.i8)", true)]
    [InlineData("select i.* from pin i left join pout o on i.i8 = o.id where o.id is null", true)]
    [InlineData("select * from pin where i8 not in (select id from pout)", false)]
    [InlineData("select info, i8, mac from pin where not exists (select 1 from pout o where o.id = pin.i8) and i4 > 0", true)]
    public void Anti_joins_scan_the_key_and_fetch_the_rest_of_the_rows_they_keep(string sql, bool nullKeysKept)
    {
        var late = Plan(sql, Trace);

        Assert.Contains("FetchByRowPosition public.pin", late.Explain(), StringComparison.Ordinal);
        var rows = Plans.Run(late);
        Assert.Equal(Plans.Sorted(Plans.Run(Plan(sql, Opaque))), Plans.Sorted(rows));
        if (!sql.Contains("i4 > 0", StringComparison.Ordinal))
            Assert.Equal(Missing + (nullKeysKept ? NullKeys : 0), rows.Count);
    }

    /// <summary>A NULL among NOT IN's values makes every comparison unknown: no row, late or not.</summary>
    [Fact]
    public void Not_in_with_a_null_in_the_subquery_returns_nothing()
    {
        const string sql = "select * from pin where i8 not in (select id from pout_null)";

        Assert.Empty(Plans.Run(Plan(sql, Trace)));
        Assert.Empty(Plans.Run(Plan(sql, Opaque)));
    }

    [Theory]
    [InlineData("select * from pin where i8 in (select id from pout)")] // keeps 98 % of the rows: copying them eagerly is cheaper
    [InlineData("select * from pin where not exists (select 1 from pout o where o.id = pin.i8 + 1)")] // a computed key
    [InlineData("select i8 from pin where not exists (select 1 from pout o where o.id = pin.i8)")] // nothing left to fetch
    [InlineData("select * from pin where not exists (select 1 from pout o where o.id = pin.i8 and o.n > pin.i4)")] // a residual reads probe columns
    public void Joins_that_keep_most_rows_or_need_the_columns_scan_them_eagerly(string sql)
    {
        var plan = Plan(sql, Trace);

        Assert.DoesNotContain("FetchByRowPosition", plan.Explain(), StringComparison.Ordinal);
        Assert.Equal(Plans.Sorted(Plans.Run(Plan(sql, Opaque))), Plans.Sorted(Plans.Run(plan)));
    }

    [Fact]
    public void Explain_analyze_names_the_late_materialization_on_the_join()
    {
        var plan = Optimizer.Default.Optimize(new Binder(_catalog).Bind("select * from pin where not exists (select 1 from pout o where o.id = pin.i8)").Plan).Plan;

        var report = string.Join("\n", Vnd.Executor.Analysis.ExplainAnalyze.Run(plan, Trace));

        Assert.Contains("late materialization: scan [i8] + row position, fetch the other 14 columns", report, StringComparison.Ordinal);
    }

    /// <summary>Hides a trace table from the planner's statistics: the eager plan to compare with.</summary>
    private sealed class OpaqueSource(IBatchSource inner) : IBatchSource
    {
        public IReadOnlyList<SqlType> Types => inner.Types;

        public IReadOnlyList<string> Names => inner.Names;

        public IBatchReader Open(IReadOnlyList<int> columns, int partition, int partitionCount, QueryContext context) =>
            inner.Open(columns, partition, partitionCount, context);
    }
}
