using System.Globalization;
using Npgsql;

namespace Vnd.Engine.Tests.Serve;

/// <summary>
/// Temporary tables (issue 5 §4): CREATE TEMP TABLE … AS materializes a result in the session, shadows like
/// PostgreSQL's pg_temp, is listed in that session's pg_class only, is limited by temp_buffers, and is gone at the
/// end of the session — to every other session and tenant it is exactly a missing table.
/// </summary>
[Collection(ServeCollection.Name)]
public sealed class TempTableTests(ServeFixture fixture)
{
    private async Task<NpgsqlConnection> OpenAsync(string user = "tenant1")
    {
        var connection = new NpgsqlConnection(fixture.ConnectionString(user, extra: "Include Error Detail=true"));
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<long> LongAsync(NpgsqlConnection connection, string sql) =>
        Convert.ToInt64(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync(), CultureInfo.InvariantCulture);

    /// <summary>Runs a command; the row count of its tag (CREATE TABLE AS answers <c>SELECT n</c>, as PostgreSQL does).</summary>
    private static async Task<long> RunAsync(NpgsqlConnection connection, string sql)
    {
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { new NpgsqlBatchCommand(sql) } };
        await batch.ExecuteNonQueryAsync();
        return (long)batch.BatchCommands[0].Rows;
    }

    private static async Task<PostgresException> FailsAsync(NpgsqlConnection connection, string sql) =>
        await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand(sql, connection).ExecuteScalarAsync());

    [Fact]
    public async Task Rollback_takes_back_temporary_tables_and_views_created_or_dropped_in_the_block()
    {
        await using var session = await OpenAsync();
        var total = await LongAsync(session, "select count(*) from packets");
        await RunAsync(session, "create temp table kept as select 1 as one");

        await RunAsync(session, "begin");
        await RunAsync(session, "create temp table gone as select * from packets");
        await RunAsync(session, "create temp view gone_view as select 2 as two");
        await RunAsync(session, "drop table kept");
        Assert.Equal(total, await LongAsync(session, "select count(*) from gone"));
        await RunAsync(session, "rollback");

        // As in PostgreSQL: what the block created is gone, what it dropped is back.
        Assert.Equal("42P01", (await FailsAsync(session, "select count(*) from gone")).SqlState);
        Assert.Equal("42P01", (await FailsAsync(session, "select * from gone_view")).SqlState);
        Assert.Equal(1L, await LongAsync(session, "select one from kept"));
        Assert.Equal(0L, await LongAsync(session, "select count(*) from pg_class where relname in ('gone', 'gone_view')"));

        // A failed block rolls back too; a committed one keeps its tables.
        await RunAsync(session, "begin");
        await RunAsync(session, "create temp table failed as select 3 as three");
        await FailsAsync(session, "select 1/0");
        await RunAsync(session, "rollback");
        Assert.Equal("42P01", (await FailsAsync(session, "select * from failed")).SqlState);
        await RunAsync(session, "begin");
        await RunAsync(session, "create temp table committed as select 4 as four");
        await RunAsync(session, "commit");
        Assert.Equal(4L, await LongAsync(session, "select four from committed"));
    }

    [Fact]
    public async Task A_temporary_table_holds_a_result_shadows_the_trace_table_and_is_dropped()
    {
        await using var session = await OpenAsync();
        var ports = await LongAsync(session, "select count(distinct dst_port) from packets");
        var total = await LongAsync(session, "select count(*) from packets");

        Assert.Equal(ports, await RunAsync(session, "create temp table busy as select dst_port, count(*) as n from packets group by dst_port"));
        Assert.Equal(total, await LongAsync(session, "select sum(n) from busy"));
        Assert.Equal(await LongAsync(session, "select count(dst_port) from packets"),
            await LongAsync(session, "select count(*) from packets p join pg_temp.busy b on b.dst_port = p.dst_port"));
        Assert.Equal("t", await new NpgsqlCommand("select relpersistence from pg_class where relname = 'busy'", session).ExecuteScalarAsync());
        Assert.Equal("pg_temp|LOCAL TEMPORARY", await new NpgsqlCommand(
            "select table_schema || '|' || table_type from information_schema.tables where table_name = 'busy'", session).ExecuteScalarAsync());
        Assert.Equal(2L, await LongAsync(session, "select count(*) from pg_attribute a join pg_class c on c.oid = a.attrelid where c.relname = 'busy'"));

        // Shadowing: pg_temp is searched first; the trace table stays reachable by its schema.
        var ssh = await LongAsync(session, "select count(*) from packets where dst_port = 22");
        Assert.Equal(ssh, await RunAsync(session, "create temp table packets (port, seen) as select dst_port, ts from packets where dst_port = 22"));
        Assert.Equal(ssh, await LongAsync(session, "select count(*) from packets"));
        Assert.Equal(ssh, await LongAsync(session, "select count(port) from packets"));
        Assert.Equal(total, await LongAsync(session, "select count(*) from tenant1.packets"));

        await RunAsync(session, "drop table packets");
        Assert.Equal(total, await LongAsync(session, "select count(*) from packets"));
        Assert.Equal("0A000", (await FailsAsync(session, "drop table packets")).SqlState);   // the trace table is a diagnosis's
        Assert.Equal("42501", (await FailsAsync(session, "drop table pg_class")).SqlState);
        Assert.Equal("42P07", (await FailsAsync(session, "create temp table busy as select 1 as one")).SqlState);
        Assert.Equal("42P07", (await FailsAsync(session, "create temp view busy as select 1 as one")).SqlState);
        Assert.Equal("42701", (await FailsAsync(session, "create temp table twice (a, a) as select 1, 2")).SqlState);

        await RunAsync(session, "drop table busy");
        var gone = await FailsAsync(session, "select * from busy");
        Assert.Equal(("42P01", "relation \"busy\" does not exist"), (gone.SqlState, gone.MessageText));
        Assert.Equal(0L, await LongAsync(session, "select count(*) from pg_class where relname = 'busy'"));
        await RunAsync(session, "drop table if exists busy");
    }

    [Fact]
    public async Task A_temporary_table_keeps_time_json_and_jsonb_values_and_describes_their_types()
    {
        await using var session = await OpenAsync();
        Assert.Equal(2L, await RunAsync(session, """
            create temp table shapes as
            select x, make_time(10, x, 0) as at, json_build_object('x', x) as doc, jsonb_build_object('x', x, 'a', 'b') as tags
            from generate_series(1, 2) as x
            """));
        await using (var reader = await new NpgsqlCommand("select at, doc, tags, tags ->> 'a' from shapes order by x", session).ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(new TimeSpan(10, 1, 0), reader.GetFieldValue<TimeSpan>(0));
            Assert.Equal("""{"x" : 1}""", reader.GetString(1));
            Assert.Equal("""{"a": "b", "x": 1}""", reader.GetString(2));
            Assert.Equal("b", reader.GetString(3));
        }
        Assert.Equal(1L, await LongAsync(session, """select count(*) from shapes where tags @> '{"x": 2}'"""));
        await using var types = await new NpgsqlCommand(
            "select string_agg(data_type, ',' order by ordinal_position) from information_schema.columns where table_name = 'shapes'", session).ExecuteReaderAsync();
        Assert.True(await types.ReadAsync());
        Assert.Equal("integer,time without time zone,json,jsonb", types.GetString(0));
    }

    [Fact]
    public async Task A_permanent_table_is_refused_as_PostgreSQL_refuses_a_role_without_create_on_the_schema()
    {
        await using var session = await OpenAsync();
        var own = await FailsAsync(session, "create table kept as select 1 as one");
        Assert.Equal(("42501", "permission denied for schema tenant1"), (own.SqlState, own.MessageText));
        var other = await FailsAsync(session, "create table tenant2.kept as select 1 as one");
        var missing = await FailsAsync(session, "create table nosuch.kept as select 1 as one");
        Assert.Equal("42501", other.SqlState);
        Assert.Equal(missing.MessageText.Replace("nosuch", "tenant2", StringComparison.Ordinal), other.MessageText);
        Assert.Equal("42P16", (await FailsAsync(session, "create temp table tenant1.kept as select 1 as one")).SqlState);
        Assert.Equal(1L, await LongAsync(session, "select 1"));
    }

    [Fact]
    public async Task Temp_buffers_limits_what_a_session_materializes_with_53200()
    {
        await using (var session = await OpenAsync())
        {
            await RunAsync(session, "set temp_buffers = '64kB'");
            Assert.Equal("64kB", await new NpgsqlCommand("show temp_buffers", session).ExecuteScalarAsync());
            Assert.Equal("22023", (await FailsAsync(session, "set temp_buffers = 'lots'")).SqlState);
            // Npgsql closes its connection on any 53xxx (insufficient resources), as it would with PostgreSQL.
            var tooBig = await FailsAsync(session, "create temp table everything as select * from packets");
            Assert.Equal(("53200", "out of memory"), (tooBig.SqlState, tooBig.MessageText));
            Assert.Contains("temp_buffers", tooBig.Detail, StringComparison.Ordinal);
        }

        // The session itself goes on (psql shows it): nothing of a refused table is kept, and the limit is the
        // session's, over all its temporary tables: seq is int8, so 1795 values take 14,360 of 16,384 bytes.
        var (_, rows, errors) = Clients.PsqlClient.RunEach(fixture.Port, "tenant1",
            "set temp_buffers = '16kB'", "create temp table everything as select * from packets", "select count(*) from everything",
            "create temp table seqs as select seq from packets", "create temp table more as select seq from packets limit 500",
            "select count(*) from more", "drop table seqs", "create temp table more as select seq from packets limit 500",
            "select count(*) from more", "select relname from pg_class where relpersistence = 't'");
        Assert.Equal(["SET", "SELECT 1795", "DROP TABLE", "SELECT 500", "500", "more"], rows);
        Assert.Equal(4, errors.Split("ERROR:").Length - 1);
        Assert.Contains("relation \"everything\" does not exist", errors, StringComparison.Ordinal);
        Assert.Contains("(14,360 in use)", errors, StringComparison.Ordinal);

        await using var fresh = await OpenAsync();
        Assert.Equal("256MB", await new NpgsqlCommand("show temp_buffers", fresh).ExecuteScalarAsync());
        Assert.Equal(await LongAsync(fresh, "select count(*) from packets"), await RunAsync(fresh, "create temp table everything as select * from packets"));
    }

    /// <summary>
    /// An attacker (another session of the same tenant, or another tenant) who knows the name tries every way to reach
    /// a temporary table: each answer is the one a name that never existed gets.
    /// </summary>
    [Fact]
    public async Task Another_session_or_tenant_cannot_see_or_reach_a_temporary_table_by_name()
    {
        await using var owner = await OpenAsync("tenant1");
        await RunAsync(owner, "create temp table secret as select src_ip, dst_port from packets");
        var rows = await LongAsync(owner, "select count(*) from secret");
        Assert.True(rows > 0);

        string[] probes =
        [
            "select * from {0}", "select count(*) from pg_temp.{0}", "select * from tenant1.{0}", "select * from \"{0}\"",
            "drop table {0}", "drop table pg_temp.{0}", "select '{0}'::regclass", "table {0}",
            "select count(*) from pg_class where relname = '{0}' having count(*) > 0",
            "select count(*) from information_schema.tables where table_name = '{0}' having count(*) > 0",
        ];
        await using var sibling = await OpenAsync("tenant1");
        await using var stranger = await OpenAsync("tenant2");
        foreach (var attacker in new[] { sibling, stranger })
        {
            foreach (var probe in probes)
            {
                var secret = await Outcome(attacker, string.Format(CultureInfo.InvariantCulture, probe, "secret"));
                var nothing = await Outcome(attacker, string.Format(CultureInfo.InvariantCulture, probe, "nosuch"));
                Assert.Equal(nothing.Replace("nosuch", "secret", StringComparison.Ordinal), secret);
            }
        }
        Assert.Equal(rows, await LongAsync(owner, "select count(*) from secret"));   // the attempts changed nothing

        await owner.CloseAsync();
        await using var later = await OpenAsync("tenant1");
        Assert.Equal("42P01", (await FailsAsync(later, "select * from secret")).SqlState);
    }

    /// <summary>What a statement answers: its SQLSTATE and message, or its rows as text.</summary>
    private static async Task<string> Outcome(NpgsqlConnection connection, string sql)
    {
        try
        {
            await using var reader = await new NpgsqlCommand(sql, connection).ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())));
            return "rows: " + string.Join(";", rows);
        }
        catch (PostgresException e)
        {
            return $"{e.SqlState}: {e.MessageText}";
        }
    }
}
