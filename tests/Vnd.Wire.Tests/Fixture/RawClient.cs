using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Vnd.Wire.Tests.Fixture;

/// <summary>A byte-level PostgreSQL client for protocol tests: sends literal bytes, reads framed replies.</summary>
public sealed class RawClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Socket _socket;
    private readonly NetworkStream _stream;

    private RawClient(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    public static async Task<RawClient> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync("127.0.0.1", port);
        return new RawClient(socket);
    }

    /// <summary>Connects to a server's Unix-domain socket file (<c>DIR/.s.PGSQL.&lt;port&gt;</c>).</summary>
    public static async Task<RawClient> ConnectUnixAsync(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path));
        return new RawClient(socket);
    }

    /// <summary>Bytes the server has sent that this client has not read yet (FIONREAD).</summary>
    public int Unread => _socket.Available;

    public Task SendAsync(params byte[][] parts) => _stream.WriteAsync(parts.SelectMany(p => p).ToArray()).AsTask();

    /// <summary>One byte (the SSLRequest answer), or null at end of stream.</summary>
    public async Task<byte?> ReadByteAsync()
    {
        var buffer = new byte[1];
        using var cts = new CancellationTokenSource(Timeout);
        return await _stream.ReadAsync(buffer, cts.Token) == 0 ? null : buffer[0];
    }

    /// <summary>One framed message, or null at end of stream.</summary>
    public async Task<RawMessage?> ReadAsync()
    {
        var header = new byte[5];
        if (!await FillAsync(header))
        {
            return null;
        }

        var body = new byte[BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1)) - 4];
        if (!await FillAsync(body))
        {
            throw new EndOfStreamException("truncated message");
        }

        return new RawMessage((char)header[0], body);
    }

    /// <summary>Reads messages up to and including the first with <paramref name="tag"/>.</summary>
    public async Task<List<RawMessage>> ReadUntilAsync(char tag)
    {
        var messages = new List<RawMessage>();
        while (true)
        {
            var message = await ReadAsync() ?? throw new EndOfStreamException($"closed before '{tag}'; got {string.Join(",", messages.Select(m => m.Tag))}");
            messages.Add(message);
            if (message.Tag == tag)
            {
                return messages;
            }
        }
    }

    /// <summary>True when the server closed the connection (reads end) before the timeout.</summary>
    public async Task<bool> IsClosedAsync()
    {
        var buffer = new byte[256];
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            while (true)
            {
                if (await _stream.ReadAsync(buffer, cts.Token) == 0)
                {
                    return true;
                }
            }
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>StartupMessage 3.0 for user alice (trust auth in raw tests), then reads up to ReadyForQuery.</summary>
    public async Task<List<RawMessage>> LoginAsync(int protocol = 3 << 16, params (string Name, string Value)[] extra)
    {
        await SendAsync(Startup(protocol, [("user", "alice"), ("database", "vnd"), .. extra]));
        return await ReadUntilAsync('Z');
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
    }

    private async Task<bool> FillAsync(byte[] buffer)
    {
        using var cts = new CancellationTokenSource(Timeout);
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await _stream.ReadAsync(buffer.AsMemory(read), cts.Token);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }

    public static byte[] Startup(int code, params (string Name, string Value)[] parameters)
    {
        var body = new List<byte>();
        body.AddRange(Int32(code));
        foreach (var (name, value) in parameters)
        {
            body.AddRange(CString(name));
            body.AddRange(CString(value));
        }

        if (parameters.Length > 0 || code >> 16 == 3)
        {
            body.Add(0);
        }

        return [.. Int32(body.Count + 4), .. body];
    }

    public static byte[] Tagged(char tag, params byte[][] parts)
    {
        var body = parts.SelectMany(p => p).ToArray();
        return [(byte)tag, .. Int32(body.Length + 4), .. body];
    }

    public static byte[] Query(string sql) => Tagged('Q', CString(sql));

    public static byte[] Parse(string name, string sql, params int[] types) =>
        Tagged('P', CString(name), CString(sql), Int16((short)types.Length), [.. types.SelectMany(Int32)]);

    /// <summary>Bind with text parameters (null = SQL NULL) and one result format for all columns.</summary>
    public static byte[] Bind(string portal, string statement, short resultFormat, params string?[] values)
    {
        var parts = new List<byte[]> { CString(portal), CString(statement), Int16(0), Int16((short)values.Length) };
        foreach (var value in values)
        {
            if (value is null)
            {
                parts.Add(Int32(-1));
            }
            else
            {
                var bytes = Encoding.UTF8.GetBytes(value);
                parts.Add(Int32(bytes.Length));
                parts.Add(bytes);
            }
        }

        parts.Add(Int16(1));
        parts.Add(Int16(resultFormat));
        return Tagged('B', [.. parts]);
    }

    public static byte[] Describe(char kind, string name) => Tagged('D', [(byte)kind], CString(name));

    public static byte[] Execute(string portal, int maxRows) => Tagged('E', CString(portal), Int32(maxRows));

    public static byte[] Close(char kind, string name) => Tagged('C', [(byte)kind], CString(name));

    public static byte[] Sync() => Tagged('S');

    public static byte[] CString(string value) => [.. Encoding.UTF8.GetBytes(value), 0];

    public static byte[] Int32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] Int16(short value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteInt16BigEndian(bytes, value);
        return bytes;
    }
}
