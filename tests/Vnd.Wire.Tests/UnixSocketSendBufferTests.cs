using System.Globalization;
using Vnd.Wire.Auth;
using Vnd.Wire.Hosting;
using Vnd.Wire.Tests.Fixture;

namespace Vnd.Wire.Tests;

/// <summary>
/// A Unix stream socket queues at most its sender's SO_SNDBUF. These tests start a large result, do not read it, and
/// measure what the server managed to queue for the client: with <see cref="PgServerOptions.UnixSocketSendBufferBytes"/>
/// (default 4 MiB) megabytes, as loopback TCP queues, not the system default's ~200 KB.
/// </summary>
public sealed class UnixSocketSendBufferTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "vnd-wire-unix-" + Guid.NewGuid().ToString("N"));

    public UnixSocketSendBufferTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_default_send_buffer_queues_megabytes_for_a_client_that_does_not_read()
    {
        var queued = await QueuedAsync(PgServerOptions.DefaultUnixSocketSendBufferBytes);
        // Linux grants twice the request, capped by net.core.wmem_max; what is queued is data, below the accounting.
        var granted = Math.Min(PgServerOptions.DefaultUnixSocketSendBufferBytes, Sysctl("wmem_max"));
        Assert.True(queued >= granted, $"queued {queued} bytes, expected at least {granted}");
    }

    [Fact]
    public async Task Zero_leaves_the_system_default()
    {
        var queued = await QueuedAsync(0);
        // The kernel lets a send start while the queue is below the limit, so it may pass it by one buffer (≤ 36 KB).
        var limit = Sysctl("wmem_default") + (64 << 10);
        Assert.True(queued <= limit, $"queued {queued} bytes, more than wmem_default and one buffer ({limit})");
    }

    /// <summary>Bytes the server queued for a client that sent a large query and reads nothing, once they stop growing.</summary>
    private async Task<int> QueuedAsync(int sendBuffer)
    {
        await using var server = await TestServer.StartAsync(o =>
        {
            o.AuthMethod = PgAuthMethod.Trust;
            o.UnixSocketDirectory = _directory;
            o.UnixSocketSendBufferBytes = sendBuffer;
        });
        await using var client = await RawClient.ConnectUnixAsync(server.Server.UnixSocketPath!);
        await client.LoginAsync();
        // 2M rows of one int4, 15 bytes each on the wire: 30 MB, far beyond any send buffer here.
        await client.SendAsync(RawClient.Query("select series 2000000"));
        var queued = 0;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        for (var still = 0; still < 5 && DateTime.UtcNow < deadline; )
        {
            await Task.Delay(100);
            var now = client.Unread;
            still = now == queued ? still + 1 : 0;
            queued = now;
        }
        return queued;
    }

    private static int Sysctl(string name) =>
        int.Parse(File.ReadAllText($"/proc/sys/net/core/{name}").Trim(), CultureInfo.InvariantCulture);
}
