using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Vnd.Executor.Remote;

namespace Vnd.Engine.TableServer;

/// <summary>
/// Rejects every call that does not carry the shared token (<c>authorization: Bearer &lt;token&gt;</c>) with
/// UNAUTHENTICATED, before any handler runs. The comparison takes constant time so the token cannot be guessed
/// byte by byte from response times.
/// </summary>
public sealed class TokenInterceptor(SharedToken token) : Interceptor
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(TableServerProtocol.Bearer(token.Value));

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(requestStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Check(ServerCallContext context)
    {
        var presented = context.RequestHeaders.GetValue(TableServerProtocol.AuthorizationHeader);
        if (presented is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _expected))
            throw new RpcException(new Status(StatusCode.Unauthenticated, "missing or wrong shared token"));
    }
}
