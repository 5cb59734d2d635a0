using System.Net;
using Npgsql;
using Vnd.Engine.Cli;
using Vnd.Engine.Control.Demo;
using Vnd.Engine.Tests.Clients;
using Vnd.Engine.Tests.Serve;

namespace Vnd.Engine.Tests.Demo;

/// <summary>
/// The admin role sees everything (issue 5 §4): every tenant's rows of vnd.diagnoses, and pg_catalog and
/// information_schema over every tenant schema — while each tenant still sees only its own.
/// </summary>
public sealed class AdminViewTests : IAsyncLifetime
{
    private const string AdminPassword = "admin-secret";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "vnd-admin-" + Guid.NewGuid().ToString("N"));
    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        DemoSeeder.Seed(_data);
        _server = await RunningServer.StartAsync(new ServeOptions(new DirectoryInfo(_data), new IPEndPoint(IPAddress.Loopback, 0), null, NoTls: false, "vnd", AdminPassword));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    private int Port => _server.Port;

    private async Task<List<string>> RowsAsync(string user, string sql)
    {
        var password = user == "vnd" ? AdminPassword : user;
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username={user};Password={password};Database=vnd;SSL Mode=Require;" +
            "Trust Server Certificate=true;Server Compatibility Mode=NoTypeLoading;Pooling=false;Timeout=10");
        await connection.OpenAsync();
        await using var reader = await new NpgsqlCommand(sql, connection).ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i).ToString())));
        return rows;
    }

    [Fact]
    public async Task The_admin_sees_every_tenants_rows_of_the_metadata_view_and_a_tenant_only_its_own()
    {
        const string Sql = "select tenant, diagnosis, table_name, capture_point from vnd.diagnoses order by tenant, table_name";
        string[] tenant1 = ["tenant1|demo|a|link A at re", "tenant1|demo|b|link B at ids", "tenant1|demo|c|link C at server"];
        string[] tenant2 = ["tenant2|demo|lb_in|node lb", "tenant2|demo|lb_out|node lb"];
        Assert.Equal([.. tenant1, .. tenant2], await RowsAsync("vnd", Sql));
        Assert.Equal(tenant1, await RowsAsync("tenant1", Sql));
        Assert.Equal(tenant2, await RowsAsync("tenant2", Sql));
        // The admin's rows carry the same counts the tenants see.
        const string Counts = "select tenant, table_name, rows, packets_read, packets_dropped, decode_errors from vnd.diagnoses order by tenant, table_name";
        Assert.Equal([.. await RowsAsync("tenant1", Counts), .. await RowsAsync("tenant2", Counts)], await RowsAsync("vnd", Counts));
    }

    [Fact]
    public async Task The_admin_browses_pg_catalog_and_information_schema_over_every_tenant_schema()
    {
        string[] all = ["tenant1|a", "tenant1|b", "tenant1|c", "tenant1|packets", "tenant2|lb_in", "tenant2|lb_out", "tenant2|packets"];
        const string Classes = "select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace " +
            "where n.nspname not in ('pg_catalog', 'information_schema') and c.relkind = 'r' order by 1, 2";
        const string Tables = "select table_schema, table_name from information_schema.tables " +
            "where table_schema not in ('pg_catalog', 'information_schema') order by 1, 2";
        Assert.Equal(all, await RowsAsync("vnd", Classes));
        Assert.Equal(all, await RowsAsync("vnd", Tables));
        Assert.Equal(["pg_catalog", "information_schema", "tenant1", "tenant2"], await RowsAsync("vnd", "select nspname from pg_namespace order by oid"));
        Assert.Equal(all.Where(r => r.StartsWith("tenant1|", StringComparison.Ordinal)), await RowsAsync("tenant1", Classes));
        Assert.Equal(all.Where(r => r.StartsWith("tenant2|", StringComparison.Ordinal)), await RowsAsync("tenant2", Tables));
        Assert.Equal(["11"], await RowsAsync("vnd", "select count(*) from information_schema.columns where table_schema = 'tenant2' and table_name = 'lb_in'"));

        // psql's \dt with a pattern, as an operator would look at one tenant.
        Assert.Equal(["tenant2|lb_in|table|vnd", "tenant2|lb_out|table|vnd", "tenant2|packets|table|vnd"],
            PsqlAdmin("\\dt tenant2.*"));
    }

    private string[] PsqlAdmin(string command)
    {
        var (exitCode, rows, errors) = PsqlClient.Run(Port, "vnd", command, password: AdminPassword);
        Assert.True(exitCode == 0, errors);
        return rows;
    }
}
