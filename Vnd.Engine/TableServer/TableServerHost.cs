using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Vnd.Engine.TableServer;

/// <summary>
/// A running table server: Kestrel serving Arrow Flight over cleartext HTTP/2 (gRPC) on one address, every call
/// checked by <see cref="TokenInterceptor"/>. Used by <c>vnd table-server</c> and, in process, by tests.
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
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(options.Listen, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(state);
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<TokenInterceptor>()).AddFlightServer<TableFlightServer>();
        var app = builder.Build();
        app.MapFlightEndpoint();
        try
        {
            await app.StartAsync(cancellation).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            state.Dispose();
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TableServerHost(app, state, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _state.Dispose();
    }
}
