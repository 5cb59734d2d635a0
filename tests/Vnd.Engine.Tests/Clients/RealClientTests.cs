using System.Globalization;
using Vnd.Engine.Tests.Serve;

namespace Vnd.Engine.Tests.Clients;

/// <summary>
/// pgJDBC 42.5, psycopg2 and node-postgres — installed by the test command, not replayed bytes — against
/// <c>vnd serve</c>. tenant2's <c>packets</c> holds an HTTP capture, so the programs' port-80 questions have
/// answers; every figure they print is checked against the same SQL run in process.
/// </summary>
[Collection(ServeCollection.Name)]
public sealed class RealClientTests(ServeFixture fixture)
{
    private const string Tenant = "tenant2";

    private string Scalar(string sql) =>
        Convert.ToString(fixture.Embedded(Tenant, sql).Rows[0][0], CultureInfo.InvariantCulture) ?? "null";

    [Fact]
    public void PgJdbc_reads_metadata_runs_a_prepared_statement_in_binary_and_fetches_with_a_cursor()
    {
        var seen = ClientProgram.Run("java", "-cp /usr/share/java/postgresql.jar jdbc/JdbcClient.java", fixture.Port, Tenant, "packets");
        Assert.Equal("PostgreSQL 15", seen["product"]);
        Assert.Equal($"information_schema,pg_catalog,{Tenant}", seen["schemas"]);
        // getPrimaryKeys expands pg_index.indkey with information_schema._pg_expandarray in its SELECT list and
        // selects (keys).x from the derived table; trace tables have no primary key, so it finds none.
        Assert.Equal("0", seen["primarykeys"]);
        Assert.Contains($"{Tenant}.packets", seen["tables"].Split(','));
        Assert.DoesNotContain("frames", seen["tables"], StringComparison.Ordinal);
        Assert.Equal(
            "ts:timestamptz,src_ip:inet,dst_ip:inet,src_port:int4,dst_port:int4,ip_id:int4,seq:int8,ack:int8,flags:int4,payload_length:int4,id:int8",
            seen["columns"]);
        Assert.Equal("true", seen["typeinfo"]);
        // Executions 5 and 6 run as the named, binary-result statement S_1: same answers as the first four.
        for (var i = 0; i < 7; i++)
        {
            var where = $"where dst_port = 80 and payload_length >= {i}";
            Assert.Equal($"{Scalar("select count(*) from packets " + where)},{Scalar("select coalesce(sum(payload_length), 0) from packets " + where)}",
                seen["prepared" + i]);
        }
        Assert.Equal($"{Scalar("select count(*) from packets")},{Scalar("select sum(seq) from packets")}", seen["fetched"]);
        // isNullable: 1 (columnNullable) for a table column, 2 (unknown) for a computed one, as against PostgreSQL.
        Assert.Equal($"packets.src_ip,{Tenant},1,source,packets|.,2,next", seen["basecolumns"]);
        Assert.Equal("22012", seen["error"]);
    }

    [Fact]
    public void Psycopg2_interpolates_parameters_iterates_a_named_cursor_and_copies_csv()
    {
        var seen = ClientProgram.Run("/usr/bin/python3", "psycopg2/client.py", fixture.Port, Tenant, "packets");
        Assert.Equal(Scalar("select count(*) from packets where dst_port = 80"), seen["count"]);
        Assert.Equal(Scalar("select max(src_ip) from packets where dst_port = 80"), seen["maxsrc"]);
        Assert.Equal($"{Scalar("select count(*) from packets")},{Scalar("select sum(seq) from packets")}", seen["named"]);
        var copied = fixture.Embedded(Tenant, "select src_port, dst_port from packets order by ts, seq limit 5").Rows
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r[0]},{r[1]}"));
        Assert.Equal("src_port,dst_port|" + string.Join("|", copied) + "|", seen["copy"]);
        Assert.Equal("22012", seen["error"]);
    }

    [Fact]
    public void Node_postgres_runs_parameters_a_named_statement_twice_and_array_rows()
    {
        var seen = ClientProgram.Run("node", "node/client.js", fixture.Port, Tenant, "packets");
        Assert.Equal(Scalar("select count(*) from packets where dst_port = 80"), seen["count"]);
        Assert.Equal(Scalar("select count(*) from packets where payload_length >= 0"), seen["named0"]);
        Assert.Equal(Scalar("select count(*) from packets where payload_length >= 1"), seen["named1"]);
        Assert.Equal("src_port:23,dst_port:23,src_ip:869", seen["fields"]);
        var first = fixture.Embedded(Tenant, "select src_port, dst_port, src_ip from packets order by ts, seq limit 2").Rows;
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"[[{first[0][0]},{first[0][1]},\"{first[0][2]}\"],[{first[1][0]},{first[1][1]},\"{first[1][2]}\"]]"), seen["arrays"]);
        Assert.Equal("22012", seen["error"]);
    }
}
