using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Vnd.Engine.TableServer;

/// <summary>
/// A running table server: its Flight service hosted by <see cref="FlightHosting"/>, every call checked by
/// <see cref="TokenInterceptor"/>. Used by <c>vnd table-server</c> and, in process, by tests.
/// </summary>
public sealed class TableServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TableServerState _state;

    private TableServerHost(WebApplication app, TableServerState state, Uri endpoint)
    {
        _app = app;
        _state = state;
        Endpoint = endpoint;
    }

    /// <summary>Where clients connect (the actual port when <c>--listen</c> asked for port 0).</summary>
    public Uri Endpoint { get; }

    public TableServerState State => _state;

    public static async Task<TableServerHost> StartAsync(TableServerOptions options, CancellationToken cancellation = default)
    {
        var state = new TableServerState(options);
        try
        {
            var (app, endpoint) = await FlightHosting.StartAsync<TableFlightServer>(options.Listen, new SharedToken(options.Token),
                services => services.AddSingleton(state), cancellation).ConfigureAwait(false);
            return new TableServerHost(app, state, endpoint);
        }
        catch
        {
            state.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _state.Dispose();
    }
}
