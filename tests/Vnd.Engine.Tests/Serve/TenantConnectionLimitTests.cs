using System.Net;
using Npgsql;
using Vnd.Engine.Cli;

namespace Vnd.Engine.Tests.Serve;

/// <summary>
/// <c>vnd serve --max-connections-per-tenant</c>: a tenant at its limit is refused with 53300 while another tenant
/// and the admin still get in, and a closed session frees its slot.
/// </summary>
public sealed class TenantConnectionLimitTests : IAsyncLifetime
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "vnd-tenant-limit-" + Guid.NewGuid().ToString("N"));
    private RunningServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await RunningServer.StartAsync(new ServeOptions(new DirectoryInfo(_work), new IPEndPoint(IPAddress.Loopback, 0), null, NoTls: true,
            "vnd", "admin-secret", MaxConnectionsPerTenant: 2));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    private NpgsqlConnection Connection(string user, string password) =>
        new($"Host=127.0.0.1;Port={_server.Port};Username={user};Password={password};Database=vnd;Pooling=false;SSL Mode=Disable");

    [Fact]
    public async Task A_tenant_at_its_limit_gets_53300_while_others_and_the_admin_get_in()
    {
        await using var first = Connection("tenant1", "tenant1");
        await using var second = Connection("tenant1", "tenant1");
        await first.OpenAsync();
        await second.OpenAsync();

        await using var third = Connection("tenant1", "tenant1");
        var refused = await Assert.ThrowsAsync<PostgresException>(() => third.OpenAsync());
        Assert.Equal("53300", refused.SqlState);

        await using var other = Connection("tenant2", "tenant2");
        await other.OpenAsync();
        await using var admin = Connection("vnd", "admin-secret");
        await admin.OpenAsync();
        Assert.Equal(1, await new NpgsqlCommand("select 1", admin).ExecuteScalarAsync());

        await first.CloseAsync();
        await using var again = Connection("tenant1", "tenant1");
        await RetryOpenAsync(again);
        Assert.Equal(1, await new NpgsqlCommand("select 1", again).ExecuteScalarAsync());
    }

    /// <summary>The server frees a slot when it sees the Terminate; give it a moment.</summary>
    private static async Task RetryOpenAsync(NpgsqlConnection connection)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await connection.OpenAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == "53300" && attempt < 50)
            {
                await Task.Delay(20);
            }
        }
    }
}
