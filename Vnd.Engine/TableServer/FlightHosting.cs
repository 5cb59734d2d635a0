using System.Net;
using Apache.Arrow.Flight.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vnd.Engine.TableServer;

/// <summary>
/// Kestrel serving one Arrow Flight service over cleartext HTTP/2 (gRPC) on one address, every call checked by
/// <see cref="TokenInterceptor"/>: the table server's endpoint and the control server's registration endpoint.
/// </summary>
public static class FlightHosting
{
    /// <summary>Starts <typeparamref name="TServer"/> on <paramref name="listen"/>; returns the app and where clients connect
    /// (the actual port when port 0 was asked for). <paramref name="services"/> adds what the service needs.</summary>
    public static async Task<(WebApplication App, Uri Endpoint)> StartAsync<TServer>(IPEndPoint listen, SharedToken token,
        Action<IServiceCollection> services, CancellationToken cancellation)
        where TServer : FlightServer
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(listen, options => options.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(token);
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, ProcessOwnedLifetime>();
        services(builder.Services);
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<TokenInterceptor>()).AddFlightServer<TServer>();
        var app = builder.Build();
        app.MapFlightEndpoint();
        try
        {
            await app.StartAsync(cancellation).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }
}
