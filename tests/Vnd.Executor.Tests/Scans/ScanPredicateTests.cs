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
using Vnd.Planner.Rules;
using Vnd.Planner.Syntax.Ast;
using Expr = Vnd.Executor.Expressions.Expr;
using Vnd.Planner.Types;
using TableRef = Vnd.Executor.Storage.TableRef;

namespace Vnd.Executor.Tests.Scans;

/// <summary>
/// Filter conjuncts a trace-table scan tests on stored values (<see cref="ScanPredicate"/>) give exactly the rows the
/// filter operator gives over the same table read whole; every sample column is NULL on one row in eleven.
/// </summary>
public sealed class ScanPredicateTests
{
    private static readonly TableRef Packets = new("public", "packets");

    [Theory]
    // i2 = (short)(row * 7 - 1000), i4 = row * 13 - 50000, i8 = row * 1000003 - 7, src4 = 10.0.0.0 + row * 5,
    // ts = 1700000000000000 + row µs; 20,000 rows in batches of 5,000 (the last 1,000-row batches are partial chunks).
    [InlineData("i4 = -48700", "i4 = -48700", "")] // one row: the compacting path
    [InlineData("src4 = '10.0.0.5'::inet and i8 > 0", "src4 10.0.0.5 AND i8 > 0", "")]
    [InlineData("src4 >= '10.0.39.0'", "src4 >= 10.0.39.0", "")] // about half: copies whole chunks under a selection
    [InlineData("i8 > 0", "i8 > 0", "")] // all but the NULLs and row 0
    [InlineData("i2 = -993", "i2 = -993", "")] // int2 widened to int4 for the literal, narrowed back
    [InlineData("i2 < 100000", "", "100000")] // the literal does not fit int2: stays a filter
    [InlineData("5000 > i4 and i4 >= -100", "5000 > i4 AND i4 >= -100", "")]
    [InlineData("ts between '2023-11-14 22:13:20.005' and '2023-11-14 22:13:20.010'", "ts >= AND ts <=", "")]
    [InlineData("i4 <> 0 and info like 'row-1%'", "i4 <> 0", "info")]
    [InlineData("i4 = 1", "i4 = 1", "")] // no row: every chunk skipped
    [InlineData("src4 = '10.0.0.5'", "src4 = AND 10.0.0.5", "")]
    [InlineData("src4 < '10.0.1.0/24'::inet", "", "10.0.1.0/24")] // a network constant orders by network and prefix first
    public void Pushed_terms_keep_the_filters_rows(string where, string pushed, string kept)
    {
        using var data = new TempDataDirectory();
        var table = Write(data, 20_000);
        var plan = Plan(table, "select * from packets where " + where);
        var physical = new PhysicalPlanner(_ => new TraceTableBatchSource(table)).Plan(plan);
        var scan = Find<TableScanOperator>(physical);
        var filter = Find<FilterOperator>(physical);
        Assert.Equal(pushed.Length > 0, scan!.Predicate is not null);
        foreach (var word in pushed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w != "AND"))
            Assert.Contains(word.Trim('\''), scan.Predicate!.ToString(), StringComparison.Ordinal);
        Assert.Equal(kept.Length > 0, filter is not null);
        if (filter is not null)
            Assert.Contains(kept, filter.Predicate.ToString(), StringComparison.Ordinal);

        SameAsWhole(table, plan, physical);
    }

    [Theory]
    // Stored per segment (7,000 rows, batches of 5,000 + 2,000): n2 = row % 201 (UInt8, NULL in every 11th row),
    // n4 = row % 201 - 100 (Int8), n8 = row * 214,748 (UInt32), w8 = row % 100 - 50 up to row 12,000 (Int8), then
    // row * 1,000,000 (Int64: the batch from row 12,000 starts a segment). Constants outside a stored type's range
    // decide every row of a segment without reading it; old = the segments as written before narrowing.
    [InlineData("n2 < 300", 18_182)]
    [InlineData("n2 > -5", 18_182)]
    [InlineData("n2 = 1000", 0)]
    [InlineData("n2 <> 1000", 18_182)]
    [InlineData("n2 = 200", 90)]
    [InlineData("n4 >= -129", 20_000)]
    [InlineData("n4 <= -129", 0)]
    [InlineData("n4 <> 5000", 20_000)]
    [InlineData("n4 < 0", 10_000)]
    [InlineData("n8 < 5000000000", 20_000)]
    [InlineData("n8 = -1", 0)]
    [InlineData("n8 > 4294967295", 0)]
    [InlineData("n8 >= 2147483648", 9_999)]
    [InlineData("w8 < 0", 6_000)]
    [InlineData("w8 = -200", 0)]
    [InlineData("w8 >= 15000000000", 5_000)]
    [InlineData("w8 > 100 and n2 < 300", 7_273)]
    public void Pushed_terms_on_narrowed_columns_keep_the_filters_rows(string where, int count)
    {
        foreach (var old in new[] { false, true })
        {
            using var data = new TempDataDirectory();
            PushedRows(WriteNarrowed(data, old), where, count);
        }
    }

    /// <summary>The rows of <paramref name="where"/> over <paramref name="table"/>, every term tested by the scan: as many
    /// as <paramref name="count"/>, and the same as the filter over the table read whole, with one worker or more.</summary>
    private static List<string> PushedRows(TraceTable table, string where, int count)
    {
        var plan = Plan(table, "select * from packets where " + where);
        var physical = new PhysicalPlanner(_ => new TraceTableBatchSource(table)).Plan(plan);
        Assert.NotNull(Find<TableScanOperator>(physical)!.Predicate);
        Assert.Null(Find<FilterOperator>(physical));
        var rows = SameAsWhole(table, plan, physical);
        Assert.Equal(count, rows.Count);
        return rows;
    }

    /// <summary>The rows of <paramref name="physical"/>, the same as the filter over the table read whole gives, with one
    /// worker or more.</summary>
    private static List<string> SameAsWhole(TraceTable table, Planner.Logical.LogicalPlan plan, PhysicalOperator physical)
    {
        var rows = Plans.Sorted(Plans.Run(physical));
        var whole = Plans.Sorted(Plans.Run(new PhysicalPlanner(_ => new WholeRows(new TraceTableBatchSource(table))).Plan(plan)));
        Assert.Equal(whole, rows);
        Assert.Equal(whole, Plans.Sorted(Plans.Run(physical, parallelism: 1)));
        return rows;
    }

    [Theory]
    // 20,000 rows in segments of 7,000 (batches of 5,000 + 2,000): ts = 2023-11-14 22:13:20 UTC + 50 µs a row,
    // stored as UInt32 offsets from each segment's start; addr = 10.1.0.0 + row * 7,919 % 3,000 (NULL in every 13th
    // row), a tenant's addresses in no order, stored as UInt16 offsets from 10.1.0.0. Constants below and above the
    // stored range decide every row without reading it; equal to the same table written without offsets.
    [InlineData("addr = '10.1.0.5'", 6)]
    [InlineData("addr < '10.1.0.100'", 615)]
    [InlineData("addr >= '10.2.0.0'", 0)]
    [InlineData("addr > '10.0.255.255'", 18_461)]
    [InlineData("addr <> '9.0.0.1'", 18_461)]
    [InlineData("addr <= '10.1.255.255'", 18_461)]
    [InlineData("ts between '2023-11-14 22:13:20.005+00' and '2023-11-14 22:13:20.500+00'", 9_901)]
    [InlineData("ts < '2000-01-01 00:00:00+00'", 0)]
    [InlineData("ts >= '2023-11-14 22:13:20+00'", 20_000)]
    [InlineData("ts > '2030-01-01 00:00:00+00'", 0)]
    [InlineData("ts = '2023-11-14 22:13:20.35+00' and addr >= '10.1.0.0'", 1)]
    public void Pushed_terms_on_offset_columns_keep_the_filters_rows(string where, int count)
    {
        using var data = new TempDataDirectory();
        using var plainData = new TempDataDirectory();
        Assert.Equal(PushedRows(WriteOffsets(plainData, offsets: false), where, count), PushedRows(WriteOffsets(data, offsets: true), where, count));
    }

    [Fact]
    public void A_narrowing_cast_is_not_pushed_so_its_overflow_still_fails()
    {
        using var data = new TempDataDirectory();
        var table = Write(data, 1_000);
        var physical = new PhysicalPlanner(_ => new TraceTableBatchSource(table)).Plan(Plan(table, "select * from packets where i4::int2 = 5"));
        Assert.Null(Find<TableScanOperator>(physical)!.Predicate);
        var error = Assert.ThrowsAny<Planner.Errors.SqlException>(() => Plans.Run(physical));
        Assert.Equal("22003", error.SqlState);
    }

    [Fact]
    public void A_source_that_cannot_filter_gets_no_predicate()
    {
        var table = new InMemoryTable([SqlType.Int4], ["a"]);
        var term = ScanPredicate.Extract([Expr.Equal(Expr.Column(0, SqlType.Int4), Expr.Constant(1, SqlType.Int4))], []);
        Assert.NotNull(term);
        Assert.Throws<ArgumentException>(() => new TableScanOperator(table, null, null, term));
    }

    /// <summary>The sample rows in segments of 7,000 rows and record batches of 5,000.</summary>
    private static TraceTable Write(TempDataDirectory data, int rows)
    {
        var store = new TraceTableStore(data.Path);
        using (var writer = store.CreateWriter(Packets, SampleRows.Schema, new TraceTableWriterOptions { RowsPerBatch = 5_000, RowsPerSegment = 7_000 }))
        {
            SampleRows.Write(writer, 0, rows);
            writer.Commit();
        }
        return store.OpenTable(Packets);
    }

    private static TraceTable WriteNarrowed(TempDataDirectory data, bool old)
    {
        var store = new TraceTableStore(data.Path);
        var schema = new TableSchema([new ColumnSchema("n2", SqlType.Int2), new ColumnSchema("n4", SqlType.Int4),
            new ColumnSchema("n8", SqlType.Int8), new ColumnSchema("w8", SqlType.Int8)]);
        using (var writer = store.CreateWriter(Packets, schema, new TraceTableWriterOptions { RowsPerBatch = 5_000, RowsPerSegment = 7_000 }))
        {
            for (var row = 0; row < 20_000; row++)
            {
                if (row % 11 == 3)
                    writer.Columns[0].AppendNull();
                else
                    writer.GetBuilder<Int16ColumnBuilder>(0).Append((short)(row % 201));
                writer.GetBuilder<Int32ColumnBuilder>(1).Append(row % 201 - 100);
                writer.GetBuilder<Int64ColumnBuilder>(2).Append(row * 214_748L);
                writer.GetBuilder<Int64ColumnBuilder>(3).Append(row < 12_000 ? row % 100 - 50 : row * 1_000_000L);
                writer.EndRow();
            }
            writer.Commit();
        }
        if (old)
            OldFormat.Rewrite(store.OpenTable(Packets));
        return new TraceTableStore(data.Path).OpenTable(Packets);
    }

    private static TraceTable WriteOffsets(TempDataDirectory data, bool offsets)
    {
        var store = new TraceTableStore(data.Path);
        var schema = new TableSchema([new ColumnSchema("ts", SqlType.TimestampTz), new ColumnSchema("addr", SqlType.Inet4)]);
        var options = new TraceTableWriterOptions { RowsPerBatch = 5_000, RowsPerSegment = 7_000, ValueOffsets = offsets };
        using (var writer = store.CreateWriter(Packets, schema, options))
        {
            for (var row = 0; row < 20_000; row++)
            {
                writer.GetBuilder<TimestampColumnBuilder>(0).Append(1_700_000_000_000_000L + (row * 50L));
                if (row % 13 == 5)
                    writer.Columns[1].AppendNull();
                else
                    writer.GetBuilder<Inet4ColumnBuilder>(1).Append(0x0A010000u + (uint)(row * 7_919 % 3_000));
                writer.EndRow();
            }
            writer.Commit();
        }
        var table = store.OpenTable(Packets);
        Assert.Equal([7_000, 7_000, 6_000], table.Segments.Select(s => s.Rows));
        using var reader = new TraceTableReader(table).OpenSegment(table.Segments[1]);
        using var batch = reader.ReadNext()!;
        var stored = (batch.Schema.GetFieldByIndex(0), batch.Schema.GetFieldByIndex(1));
        Assert.Equal(offsets ? (Apache.Arrow.Types.ArrowTypeId.UInt32, Apache.Arrow.Types.ArrowTypeId.UInt16) : (Apache.Arrow.Types.ArrowTypeId.Timestamp, Apache.Arrow.Types.ArrowTypeId.UInt32),
            (stored.Item1.DataType.TypeId, stored.Item2.DataType.TypeId));
        Assert.Equal(offsets ? (1_700_000_000_350_000L, 0x0A010000L) : (0L, 0L), (StoredIntegerType.Base(stored.Item1), StoredIntegerType.Base(stored.Item2)));
        return table;
    }

    private static Planner.Logical.LogicalPlan Plan(TraceTable table, string sql)
    {
        var catalog = new InMemoryCatalog().AddTable(new TableDefinition("public", "packets",
            SqlList.From(table.Schema.Columns.Select(c => new ColumnDefinition(c.Name, c.Type)))));
        return Optimizer.Default.Optimize(new Binder(catalog).Bind(sql).Plan).Plan;
    }

    private static T? Find<T>(PhysicalOperator plan) where T : PhysicalOperator =>
        plan as T ?? plan.Children.Select(Find<T>).FirstOrDefault(found => found is not null);

    /// <summary>The same source without the filtering capability: what the scan read before it tested terms itself.</summary>
    private sealed class WholeRows(IBatchSource inner) : IBatchSource
    {
        public IReadOnlyList<SqlType> Types => inner.Types;

        public IReadOnlyList<string> Names => inner.Names;

        public IBatchReader Open(IReadOnlyList<int> columns, int partition, int partitionCount, QueryContext context) =>
            inner.Open(columns, partition, partitionCount, context);
    }
}
