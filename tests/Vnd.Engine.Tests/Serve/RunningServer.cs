using Vnd.Engine.Cli;
using Vnd.Wire.Hosting;

namespace Vnd.Engine.Tests.Serve;

/// <summary><c>vnd serve</c> as ServeCommand builds it, started on the options' endpoint (port 0: an ephemeral one).</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly PgServer _server;
    private readonly IDisposable _state;

    private RunningServer(PgServer server, IDisposable state) => (_server, _state) = (server, state);

    public int Port => _server.LocalEndPoints[0].Port;

    /// <summary>The Unix-domain socket file it listens on too, when the options named a directory.</summary>
    public string? UnixSocketPath => _server.UnixSocketPath;

    public static async Task<RunningServer> StartAsync(ServeOptions options)
    {
        var (server, _, state) = ServeCommand.Create(options);
        try
        {
            await server.StartAsync();
        }
        catch
        {
            await server.DisposeAsync();
            state.Dispose();
            throw;
        }
        return new RunningServer(server, state);
    }

    /// <summary>Stops listening and closes the control state, as a stopped server does.</summary>
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _state.Dispose();
    }
}
