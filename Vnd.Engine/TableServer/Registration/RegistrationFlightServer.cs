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
    /// <summary>Long enough for any host:port URI and a catalog version; a longer body is refused unread.</summary>
    private const int MaxBodyLength = 600;

    public override async Task DoAction(FlightAction request, IAsyncStreamWriter<FlightResult> responseStream, ServerCallContext context)
    {
        if (request.Type != TableServerProtocol.HeartbeatAction)
            throw new RpcException(new Status(StatusCode.Unimplemented, $"the registration endpoint knows only the action \"{TableServerProtocol.HeartbeatAction}\""));
        var (endpoint, version) = Body(request);
        if (registry.Heartbeat(endpoint, version))
            log.Write($"table server {endpoint.Authority} registered");
        await responseStream.WriteAsync(new FlightResult("ok")).ConfigureAwait(false);
    }

    public override async Task ListActions(IAsyncStreamWriter<FlightActionType> responseStream, ServerCallContext context) =>
        await responseStream.WriteAsync(new FlightActionType(TableServerProtocol.HeartbeatAction,
            "register a table server's endpoint (the body, http://host:port/, then its catalog version) or say it is still alive")).ConfigureAwait(false);

    /// <summary>The endpoint on the first line of the body and the catalog version on the optional second.</summary>
    private static (Uri Endpoint, string? Version) Body(FlightAction request)
    {
        var text = request.Body.Length <= MaxBodyLength ? request.Body.ToStringUtf8() : null;
        var lines = text?.Split('\n');
        if (lines is null || lines.Length > 2 || !Uri.TryCreate(lines[0], UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttp
            || endpoint.IsDefaultPort || endpoint.AbsolutePath != "/")
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                "a heartbeat's body is the table server's endpoint, http://host:port/, and optionally a line with its catalog version"));
        return (endpoint, lines.Length == 2 && lines[1].Length > 0 ? lines[1] : null);
    }
}
