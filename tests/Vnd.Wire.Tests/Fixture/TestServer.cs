using System.Net;
using Vnd.Wire.Hosting;

namespace Vnd.Wire.Tests.Fixture;

/// <summary>A real PgServer on 127.0.0.1 with an ephemeral port, serving the fixture engine.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private TestServer(PgServer server, FixtureHandler handler)
    {
        Server = server;
        Handler = handler;
    }

    public PgServer Server { get; }

    public FixtureHandler Handler { get; }

    public int Port => Server.LocalEndPoints[0].Port;

    public static async Task<TestServer> StartAsync(Action<PgServerOptions>? configure = null)
    {
        var options = new PgServerOptions();
        options.EndPoints.Add(new IPEndPoint(IPAddress.Loopback, 0));
        configure?.Invoke(options);
        var handler = new FixtureHandler();
        var server = new PgServer(handler, options);
        await server.StartAsync();
        return new TestServer(server, handler);
    }

    /// <summary>Npgsql connection string; type loading off unless asked (the engine answers pg_catalog later).</summary>
    public string ConnectionString(string user = "alice", string password = FixtureHandler.Password, string extra = "", bool typeLoading = false) =>
        $"Host=127.0.0.1;Port={Port};Username={user};Password={password};Database=vnd;Pooling=false;Timeout=10;Include Error Detail=true;" +
        (typeLoading ? "" : "Server Compatibility Mode=NoTypeLoading;") + extra;

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

}
