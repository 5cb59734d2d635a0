using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Vnd.Engine.Tests.Serve;

/// <summary>
/// The few extended-protocol messages needed to drive a portal with Execute(max rows), which no .NET client
/// exposes (pgJDBC's fetchSize does it): startup without TLS, Parse/Bind/Execute/Sync, framed replies.
/// </summary>
public sealed class PortalClient : IAsyncDisposable
{
    private readonly TcpClient _client = new() { NoDelay = true };
    private NetworkStream _stream = null!;

    public static async Task<PortalClient> ConnectAsync(int port, string user)
    {
        var client = new PortalClient();
        await client._client.ConnectAsync("127.0.0.1", port);
        client._stream = client._client.GetStream();
        var body = new List<byte>();
        body.AddRange([0, 3, 0, 0]);
        foreach (var part in new[] { "user", user, "database", "vnd" })
            body.AddRange(CString(part));
        body.Add(0);
        var startup = new byte[4 + body.Count];
        BinaryPrimitives.WriteInt32BigEndian(startup, startup.Length);
        body.CopyTo(startup, 4);
        await client._stream.WriteAsync(startup);
        await client.ReadUntilAsync('Z');
        return client;
    }

    public Task ParseAsync(string sql) => SendAsync('P', [.. CString(""), .. CString(sql), 0, 0]);

    /// <summary>Bind the unnamed statement to the unnamed portal, no parameters, all results in text.</summary>
    public Task BindAsync() => SendAsync('B', [.. CString(""), .. CString(""), 0, 0, 0, 0, 0, 0]);

    public Task ExecuteAsync(int maxRows)
    {
        var count = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(count, maxRows);
        return SendAsync('E', [.. CString(""), .. count]);
    }

    public Task SyncAsync() => SendAsync('S', []);

    /// <summary>Messages up to and including the first with <paramref name="tag"/>: (tag, body).</summary>
    public async Task<List<(char Tag, byte[] Body)>> ReadUntilAsync(params char[] tags)
    {
        var messages = new List<(char, byte[])>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var header = new byte[5];
            await _stream.ReadExactlyAsync(header, timeout.Token);
            var body = new byte[BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1)) - 4];
            await _stream.ReadExactlyAsync(body, timeout.Token);
            messages.Add(((char)header[0], body));
            if (tags.Contains((char)header[0]))
                return messages;
        }
    }

    private async Task SendAsync(char tag, byte[] body)
    {
        var message = new byte[5 + body.Length];
        message[0] = (byte)tag;
        BinaryPrimitives.WriteInt32BigEndian(message.AsSpan(1), 4 + body.Length);
        body.CopyTo(message, 5);
        await _stream.WriteAsync(message);
    }

    private static byte[] CString(string text) => [.. Encoding.UTF8.GetBytes(text), 0];

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
