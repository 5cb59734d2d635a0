using System.Globalization;
using Microsoft.Data.Analysis;
using Vnd.Engine.Sessions;
using Vnd.Executor.Storage;

namespace Vnd.Engine.Tests.Serve;

/// <summary>The embedded API's DataFrame result over a real imported capture, checked against the row result.</summary>
[Collection(ServeCollection.Name)]
public sealed class DataFrameTests(ServeFixture fixture)
{
    private QueryRunner Runner => new(new TraceTableStore(fixture.Data), "tenant1");

    [Fact]
    public void A_trace_table_becomes_typed_columns_with_the_same_values_as_the_row_result()
    {
        const string sql = "select ts, src_ip, dst_port, payload_length, id from packets order by ts, id limit 50";
        var frame = Runner.RunDataFrame(sql);
        var rows = Runner.Run(sql).Rows;

        Assert.Equal(rows.Count, frame.Rows.Count);
        Assert.IsType<DateTimeDataFrameColumn>(frame.Columns["ts"]);
        Assert.IsType<StringDataFrameColumn>(frame.Columns["src_ip"]);
        Assert.IsType<Int32DataFrameColumn>(frame.Columns["dst_port"]);
        Assert.IsType<Int64DataFrameColumn>(frame.Columns["id"]);
        for (var r = 0; r < rows.Count; r++)
        {
            Assert.Equal(rows[r][0], frame.Columns["ts"][r]);
            Assert.Equal(rows[r][1]!.ToString(), frame.Columns["src_ip"][r]);
            Assert.Equal(rows[r][2], frame.Columns["dst_port"][r]);
            Assert.Equal(rows[r][4], frame.Columns["id"][r]);
        }
    }

    [Fact]
    public void Aggregates_with_nulls_and_repeated_names_keep_both()
    {
        var frame = Runner.RunDataFrame(
            "select dst_port, count(*), count(*), avg(payload_length), max(case when flags = 2 then ts end) from packets group by dst_port order by dst_port");
        Assert.Equal(["dst_port", "count", "count_2", "avg", "max"], frame.Columns.Select(c => c.Name));
        Assert.IsType<DecimalDataFrameColumn>(frame.Columns["avg"]);
        var counts = (Int64DataFrameColumn)frame.Columns["count"];
        var total = Convert.ToInt64(Runner.Run("select count(*) from packets").Rows[0][0], CultureInfo.InvariantCulture);
        Assert.Equal(total, counts.Sum());
        // Ports that never saw a SYN have no SYN time: a null in the DataFrame, not a default DateTime.
        var synless = Convert.ToInt64(Runner.Run(
            "select count(*) from (select dst_port from packets group by dst_port having max(case when flags = 2 then ts end) is null) s").Rows[0][0],
            CultureInfo.InvariantCulture);
        Assert.True(synless > 0);
        Assert.Equal(synless, frame.Columns["max"].NullCount);
    }
}
