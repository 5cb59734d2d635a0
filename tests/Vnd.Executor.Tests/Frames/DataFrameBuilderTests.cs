using System.Net;
using Microsoft.Data.Analysis;
using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Frames;
using Vnd.Executor.Operators;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Frames;

/// <summary>Query results as Microsoft.Data.Analysis DataFrames: typed columns, NULLs kept, selections honoured.</summary>
public sealed class DataFrameBuilderTests
{
    private static readonly SqlType[] Types =
    [
        SqlType.Bool, SqlType.Int2, SqlType.Int4, SqlType.Int8, SqlType.Float8, SqlType.Numeric, SqlType.Text,
        SqlType.TimestampTz, SqlType.Date, SqlType.Interval, SqlType.Inet4, SqlType.Inet, SqlType.Cidr, SqlType.Bytea,
    ];

    private static readonly string[] Names =
        ["flag", "proto", "port", "id", "share", "bytes", "host", "ts", "day", "rtt", "src_ip", "dst_ip", "net", "payload"];

    private static readonly DateTime Ts = new(2023, 11, 14, 22, 13, 20, 123_456 / 1000, DateTimeKind.Utc);

    private static DataFrame Frame(InMemoryTable table, Func<PhysicalOperator, PhysicalOperator>? over = null)
    {
        PhysicalOperator plan = new TableScanOperator(table);
        if (over is not null)
            plan = over(plan);
        var builder = new DataFrameBuilder(table.Names, table.Types);
        using var context = new QueryContext();
        using var stream = plan.Open(context);
        while (stream.Next() is { } batch)
            builder.Append(batch);
        return builder.ToDataFrame();
    }

    private static InMemoryTable Table()
    {
        var table = new InMemoryTable(Types, Names);
        table.AppendRow(true, (short)6, 443, 1L << 40, 0.25, 12.5m, "web-1", Ts, new DateOnly(2023, 11, 14), new PgInterval(0, 1, 1_500),
            IPAddress.Parse("10.0.0.1"), IPAddress.Parse("2001:db8::1"), InetValue.FromAddress(IPAddress.Parse("10.0.0.0"), 8), new byte[] { 1, 2 });
        table.AppendRow(Enumerable.Repeat<object?>(null, Types.Length).ToArray());
        return table;
    }

    [Fact]
    public void Columns_are_typed()
    {
        var frame = Frame(Table());
        Assert.Equal(Names, frame.Columns.Select(c => c.Name));
        Assert.Equal(
            [typeof(bool), typeof(short), typeof(int), typeof(long), typeof(double), typeof(decimal), typeof(string), typeof(DateTime),
             typeof(DateTime), typeof(TimeSpan), typeof(string), typeof(string), typeof(string), typeof(string)],
            frame.Columns.Select(c => c.DataType));
        Assert.IsType<Int64DataFrameColumn>(frame.Columns["id"]);
        Assert.IsType<DateTimeDataFrameColumn>(frame.Columns["ts"]);
    }

    [Fact]
    public void Values_convert_as_documented()
    {
        var frame = Frame(Table());
        Assert.Equal(2, frame.Rows.Count);
        var row = frame.Rows[0];
        Assert.Equal(true, row[0]);
        Assert.Equal((short)6, row[1]);
        Assert.Equal(443, row[2]);
        Assert.Equal(1L << 40, row[3]);
        Assert.Equal(0.25, row[4]);
        Assert.Equal(12.5m, row[5]);
        Assert.Equal("web-1", row[6]);
        Assert.Equal(Ts, row[7]);
        Assert.Equal(new DateTime(2023, 11, 14, 0, 0, 0, DateTimeKind.Utc), row[8]);
        Assert.Equal(TimeSpan.FromDays(1) + TimeSpan.FromMicroseconds(1_500), row[9]);
        Assert.Equal("10.0.0.1", row[10]);
        Assert.Equal("2001:db8::1", row[11]);
        Assert.Equal("10.0.0.0/8", row[12]);
        Assert.Equal("\\x0102", row[13]);
    }

    [Fact]
    public void Nulls_stay_nulls_in_every_column()
    {
        var frame = Frame(Table());
        foreach (var column in frame.Columns)
        {
            Assert.Equal(1, column.NullCount);
            Assert.Null(column[1]);
        }
    }

    [Fact]
    public void Only_the_rows_a_filter_kept_are_collected_across_batches()
    {
        var table = new InMemoryTable([SqlType.Int8], ["id"]);
        for (long i = 0; i < 5 * Batch.Capacity + 7; i++)
            table.AppendRow(i);
        var even = Expr.Equal(Expr.Modulo(Expr.Column(0, SqlType.Int8), Expr.Constant(2L, SqlType.Int8)), Expr.Constant(0L, SqlType.Int8));
        var frame = Frame(table, scan => new FilterOperator(scan, even));
        var ids = (Int64DataFrameColumn)frame.Columns["id"];
        Assert.Equal((5 * Batch.Capacity + 8) / 2, ids.Length);
        Assert.Equal(0, ids.NullCount);
        for (var i = 0; i < ids.Length; i++)
            Assert.Equal(2L * i, ids[i]);
    }

    [Fact]
    public void Repeated_column_names_get_a_suffix()
    {
        var builder = new DataFrameBuilder(["count", "count", "count_2"], [SqlType.Int8, SqlType.Int8, SqlType.Int8]);
        Assert.Equal(["count", "count_2", "count_2_2"], builder.ToDataFrame().Columns.Select(c => c.Name));
    }
}
