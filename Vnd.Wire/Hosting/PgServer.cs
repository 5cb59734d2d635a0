using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Vnd.Wire.Connection;
using Vnd.Wire.Handlers;

namespace Vnd.Wire.Hosting;

/// <summary>
/// Listens on the configured endpoints and runs each connection on its own task. <see cref="StopAsync"/> stops
/// accepting, sends FATAL 57P01 to every session and waits for them to end.
/// </summary>
public sealed class PgServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _shutdown = new();
    private readonly List<Socket> _listeners = [];
    private readonly List<Task> _acceptLoops = [];
    private readonly HashSet<Task> _connections = [];
    private readonly object _gate = new();
    private long _internalErrors;

    public PgServer(IPgServerHandler handler, PgServerOptions options)
    {
        Handler = handler;
        Options = options;
    }

    public IPgServerHandler Handler { get; }

    public PgServerOptions Options { get; }

    /// <summary>The bound endpoints (with the actual port when 0 was configured).</summary>
    public IReadOnlyList<IPEndPoint> LocalEndPoints { get; private set; } = [];

    /// <summary>The Unix-domain socket file listened on (see <see cref="PgServerOptions.UnixSocketDirectory"/>), or null.</summary>
    public string? UnixSocketPath { get; private set; }

    /// <summary>Open connections, authenticated or not.</summary>
    public int ConnectionCount => Registry.Count;

    /// <summary>Unexpected exceptions caught at connection level (reported to clients as XX000); 0 when healthy.</summary>
    public long InternalErrorCount => Interlocked.Read(ref _internalErrors);

    /// <summary>The last unexpected exception, for diagnostics.</summary>
    public Exception? LastInternalError { get; private set; }

    internal ConnectionRegistry Registry { get; } = new();

    /// <summary>Per-server secret for the salts of mock SCRAM exchanges (unknown users).</summary>
    internal byte[] MockSecret { get; } = RandomNumberGenerator.GetBytes(32);

    public Task StartAsync()
    {
        try
        {
            Listen();
        }
        catch
        {
            // A server that could not bind everything it was asked to serves nothing: free what it did bind.
            foreach (var listener in _listeners)
            {
                listener.Dispose();
            }

            throw;
        }

        return Task.CompletedTask;
    }

    private void Listen()
    {
        var bound = new List<IPEndPoint>();
        foreach (var endPoint in Options.EndPoints)
        {
            var listener = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(endPoint);
            listener.Listen(512);
            _listeners.Add(listener);
            bound.Add((IPEndPoint)listener.LocalEndPoint!);
            _acceptLoops.Add(AcceptLoopAsync(listener));
        }

        LocalEndPoints = bound;
        if (Options.UnixSocketDirectory is { } directory && bound.Count > 0)
        {
            var path = UnixSocketListener.PathFor(directory, bound[0].Port);
            var listener = UnixSocketListener.Listen(path, 512);
            _listeners.Add(listener);
            UnixSocketPath = path;
            _acceptLoops.Add(AcceptLoopAsync(listener));
        }
    }

    /// <summary>Serves one connection over a duplex pipe (in-memory transports, tests); TLS is not offered.</summary>
    public Task HandleConnectionAsync(IDuplexPipe transport, EndPoint? remote) =>
        Track(new PgConnection(this, transport, null, remote, _shutdown.Token).RunAsync());

    /// <summary>Serves one connection over a stream (TLS can be negotiated on it). The stream is disposed at the end.</summary>
    public Task HandleConnectionAsync(Stream stream, EndPoint? remote)
    {
        var pipe = new StreamDuplexPipe(
            PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true)),
            PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true)));
        return Track(new PgConnection(this, pipe, stream, remote, _shutdown.Token).RunAsync());
    }

    public async Task StopAsync()
    {
        if (!_shutdown.IsCancellationRequested)
        {
            await _shutdown.CancelAsync().ConfigureAwait(false);
        }

        foreach (var listener in _listeners)
        {
            listener.Dispose();
        }

        if (UnixSocketPath is { } path)
        {
            UnixSocketListener.Remove(path);
        }

        await Task.WhenAll(_acceptLoops).ConfigureAwait(false);
        Task[] open;
        lock (_gate)
        {
            open = [.. _connections];
        }

        await Task.WhenAll(open).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _shutdown.Dispose();
    }

    internal void ReportInternalError(Exception error)
    {
        LastInternalError = error;
        Interlocked.Increment(ref _internalErrors);
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (!_shutdown.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_shutdown.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (socket.AddressFamily != AddressFamily.Unix)
            {
                socket.NoDelay = true;
            }
            else if (Options.UnixSocketSendBufferBytes > 0)
            {
                // TCP's send buffer autotunes; a Unix socket's stays at wmem_default unless asked (see the option).
                socket.SendBufferSize = Options.UnixSocketSendBufferBytes;
            }

            _ = HandleConnectionAsync(new NetworkStream(socket, ownsSocket: true), socket.RemoteEndPoint);
        }
    }

    private Task Track(Task connection)
    {
        lock (_gate)
        {
            _connections.Add(connection);
        }

        return ForgetWhenDone(connection);
    }

    private async Task ForgetWhenDone(Task connection)
    {
        try
        {
            await connection.ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _connections.Remove(connection);
            }
        }
    }

    private sealed class StreamDuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
