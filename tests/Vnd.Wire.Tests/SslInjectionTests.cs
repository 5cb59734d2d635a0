using Vnd.Wire.Hosting;
using Vnd.Wire.Protocol;
using Vnd.Wire.Tests.Fixture;
using static Vnd.Wire.Tests.Fixture.RawClient;

namespace Vnd.Wire.Tests;

/// <summary>CVE-2021-23214: bytes sent after SSLRequest but before the handshake must not be processed.</summary>
public sealed class SslInjectionTests
{
    [Fact]
    public async Task Unencrypted_bytes_after_ssl_request_are_refused_after_S()
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var server = await TestServer.StartAsync(o => o.Certificate = certificate);
        await using var client = await ConnectAsync(server.Port);
        await client.SendAsync(Int32(8), Int32(StartupCode.SslRequest), Query("select series 1"));
        Assert.Equal((byte)'S', await client.ReadByteAsync());
        var error = await client.ReadAsync();
        Assert.Equal("08P01", error!.SqlState);
        Assert.Equal("received unencrypted data after SSL request", error.Fields()['M']);
        Assert.True(await client.IsClosedAsync());
        Assert.Empty(server.Handler.ReceivedSql);
    }
}
