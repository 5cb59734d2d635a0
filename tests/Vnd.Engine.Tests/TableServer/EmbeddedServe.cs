using System.Net;
using Vnd.Engine.Cli;
using Vnd.Wire.Hosting;

namespace Vnd.Engine.Tests.TableServer;

/// <summary><c>vnd serve</c>'s default in this process (in-process table servers) over a data directory, without TLS.</summary>
public sealed class EmbeddedServe : IAsyncDisposable
{
    private readonly PgServer _server;
    private readonly IDisposable _state;

    private EmbeddedServe(PgServer server, IDisposable state) => (_server, _state) = (server, state);

    public int Port => _server.LocalEndPoints[0].Port;

    public static async Task<EmbeddedServe> Start(string data)
    {
        var (server, _, state) = ServeCommand.Create(new ServeOptions(new DirectoryInfo(data), new IPEndPoint(IPAddress.Loopback, 0), null,
            NoTls: true, "vnd", null));
        await server.StartAsync();
        return new EmbeddedServe(server, state);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _state.Dispose();
    }
}
