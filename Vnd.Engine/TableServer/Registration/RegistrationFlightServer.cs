using Apache.Arrow.Flight;
using Apache.Arrow.Flight.Server;
using Grpc.Core;
using Vnd.Executor.Remote;

namespace Vnd.Engine.TableServer.Registration;

/// <summary>
/// The control server's registration endpoint: one Flight action, <see cref="TableServerProtocol.HeartbeatAction"/>,
/// whose body is the table server's advertised endpoint. The shared token was checked before this runs
/// (<see cref="TokenInterceptor"/>), so only table servers holding it can add themselves to the directory.
/// </summary>
public sealed class RegistrationFlightServer(TableServerRegistry registry, RegistrationLog log) : FlightServer
{
    /// <summary>Long enough for any host:port URI; a longer body is not an endpoint and is refused unread.</summary>
    private const int MaxEndpointLength = 512;

    public override async Task DoAction(FlightAction request, IAsyncStreamWriter<FlightResult> responseStream, ServerCallContext context)
    {
        if (request.Type != TableServerProtocol.HeartbeatAction)
            throw new RpcException(new Status(StatusCode.Unimplemented, $"the registration endpoint knows only the action \"{TableServerProtocol.HeartbeatAction}\""));
        var endpoint = Endpoint(request);
        if (registry.Heartbeat(endpoint))
            log.Write($"table server {endpoint.Authority} registered");
        await responseStream.WriteAsync(new FlightResult("ok")).ConfigureAwait(false);
    }

    public override async Task ListActions(IAsyncStreamWriter<FlightActionType> responseStream, ServerCallContext context) =>
        await responseStream.WriteAsync(new FlightActionType(TableServerProtocol.HeartbeatAction,
            "register a table server's endpoint (the body, http://host:port/) or say it is still alive")).ConfigureAwait(false);

    private static Uri Endpoint(FlightAction request)
    {
        var text = request.Body.Length <= MaxEndpointLength ? request.Body.ToStringUtf8() : null;
        if (text is null || !Uri.TryCreate(text, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttp
            || endpoint.IsDefaultPort || endpoint.AbsolutePath != "/")
            throw new RpcException(new Status(StatusCode.InvalidArgument, "a heartbeat's body is the table server's endpoint, http://host:port/"));
        return endpoint;
    }
}
