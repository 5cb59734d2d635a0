using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Vnd.Engine.TableServer.Registration;

/// <summary>
/// The control server's registration endpoint running (<c>vnd serve --registration host:port</c>): table servers
/// register and heartbeat there with the shared token, filling <see cref="Registry"/>.
/// </summary>
public sealed class RegistrationHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RegistrationHost(WebApplication app, TableServerRegistry registry, Uri endpoint)
    {
        _app = app;
        Registry = registry;
        Endpoint = endpoint;
    }

    public TableServerRegistry Registry { get; }

    /// <summary>Where table servers register (the actual port when port 0 was asked for).</summary>
    public Uri Endpoint { get; }

    public static async Task<RegistrationHost> StartAsync(IPEndPoint listen, string token, TableServerRegistry registry, TextWriter log,
        CancellationToken cancellation = default)
    {
        var (app, endpoint) = await FlightHosting.StartAsync<RegistrationFlightServer>(listen, new SharedToken(token), services =>
        {
            services.AddSingleton(registry);
            services.AddSingleton(new RegistrationLog(log));
        }, cancellation).ConfigureAwait(false);
        return new RegistrationHost(app, registry, endpoint);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
