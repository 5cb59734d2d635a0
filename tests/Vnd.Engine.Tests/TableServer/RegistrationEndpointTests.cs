using System.Net;
using Vnd.Engine.TableServer.Registration;
using Vnd.Executor;
using Vnd.Executor.Remote;
using Vnd.Planner.Distributed;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>The control server's registration endpoint in process: the shared token, idempotent registration, bad bodies, the grace.</summary>
public sealed class RegistrationEndpointTests : IAsyncLifetime
{
    private const string Token = "registration-token";
    private static readonly Site Control = new("control server");
    private static readonly TimeSpan Beat = TimeSpan.FromSeconds(5);
    private readonly TableServerRegistry _registry = new(TimeSpan.FromMilliseconds(300));
    private RegistrationHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await RegistrationHost.StartAsync(new IPEndPoint(IPAddress.Loopback, 0), Token, _registry, TextWriter.Null);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_wrong_token_is_refused_with_28000_and_registers_nothing()
    {
        using var client = new TableServerClient(Control, _host.Endpoint, "not-the-token");

        var error = await Assert.ThrowsAsync<ExecutionException>(() =>
            client.ActionAsync(TableServerProtocol.HeartbeatAction, "http://127.0.0.1:7400/", Beat));

        Assert.Equal(RemoteSqlStates.InvalidAuthorization, error.SqlState);
        Assert.Empty(_registry.Servers());
    }

    [Fact]
    public async Task Registering_the_same_endpoint_twice_keeps_one_entry_and_a_silent_one_goes_down_until_it_beats_again()
    {
        using var client = new TableServerClient(Control, _host.Endpoint, Token);

        Assert.Equal(["ok"], await client.ActionAsync(TableServerProtocol.HeartbeatAction, "http://127.0.0.1:7401/", Beat));
        await client.ActionAsync(TableServerProtocol.HeartbeatAction, "http://127.0.0.1:7401/", Beat);

        var server = Assert.Single(_registry.Servers());
        Assert.Equal(new Uri("http://127.0.0.1:7401/"), server.Endpoint);
        Assert.True(server.Alive);
        await Task.Delay(500);
        Assert.False(Assert.Single(_registry.Servers()).Alive);
        await client.ActionAsync(TableServerProtocol.HeartbeatAction, "http://127.0.0.1:7401/", Beat);
        Assert.True(Assert.Single(_registry.Servers()).Alive);
    }

    [Fact]
    public async Task A_heartbeat_carries_the_catalog_version_on_its_second_line()
    {
        using var client = new TableServerClient(Control, _host.Endpoint, Token);

        await client.ActionAsync(TableServerProtocol.HeartbeatAction, "http://127.0.0.1:7402/\n0123456789ABCDEF", Beat);
        Assert.Equal("0123456789ABCDEF", Assert.Single(_registry.Servers()).CatalogVersion);
        await client.ActionAsync(TableServerProtocol.HeartbeatAction, "http://127.0.0.1:7402/", Beat);
        Assert.Null(Assert.Single(_registry.Servers()).CatalogVersion);
    }

    [Theory]
    [InlineData("http://127.0.0.1:7400/\nv1\nmore")]
    [InlineData("not an endpoint")]
    [InlineData("https://127.0.0.1:7400/")]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://127.0.0.1:7400/some/path")]
    public async Task A_heartbeat_whose_body_is_not_an_endpoint_is_refused(string body)
    {
        using var client = new TableServerClient(Control, _host.Endpoint, Token);

        await Assert.ThrowsAsync<ExecutionException>(() => client.ActionAsync(TableServerProtocol.HeartbeatAction, body, Beat));

        Assert.Empty(_registry.Servers());
    }

    [Fact]
    public async Task An_unknown_action_is_refused()
    {
        using var client = new TableServerClient(Control, _host.Endpoint, Token);

        await Assert.ThrowsAsync<ExecutionException>(() => client.ActionAsync("drop-everything", "", Beat));
    }
}
