using Npgsql;
using Vnd.Wire.Auth;
using Vnd.Wire.Hosting;
using Vnd.Wire.Protocol;
using Vnd.Wire.Tests.Fixture;
using static Vnd.Wire.Tests.Fixture.RawClient;

namespace Vnd.Wire.Tests;

/// <summary>
/// The startup table over raw sockets: every malformed or unusual first packet gets PostgreSQL's answer and the
/// connection closes, while a concurrent Npgsql session keeps working.
/// </summary>
public sealed class StartupPacketTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private NpgsqlConnection _bystander = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(o => o.AuthMethod = PgAuthMethod.Trust);
        _bystander = new NpgsqlConnection(_server.ConnectionString());
        await _bystander.OpenAsync();
    }

    public async Task DisposeAsync()
    {
        // The other session is unaffected by whatever the raw client did.
        await using (var command = new NpgsqlCommand("select series 2", _bystander))
        {
            Assert.Equal(1, await command.ExecuteScalarAsync());
        }

        await _bystander.DisposeAsync();
        Assert.Equal(0, _server.Server.InternalErrorCount);
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(10001)]
    [InlineData(int.MaxValue)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public async Task Bad_startup_length_is_refused_with_08P01_before_any_body_arrives(int length)
    {
        await using var client = await ConnectAsync(_server.Port);
        await client.SendAsync(Int32(length), Int32(StartupCode.Protocol30));
        var error = await client.ReadAsync();
        Assert.Equal('E', error!.Tag);
        Assert.Equal("08P01", error.SqlState);
        Assert.Equal("FATAL", error.Fields()['V']);
        Assert.Equal("invalid length of startup packet", error.Fields()['M']);
        Assert.True(await client.IsClosedAsync());
    }

    [Fact]
    public async Task Length_8_startup_without_parameters_is_a_protocol_violation()
    {
        await using var client = await ConnectAsync(_server.Port);
        await client.SendAsync(Int32(8), Int32(StartupCode.Protocol30));
        var error = await client.ReadAsync();
        Assert.Equal("08P01", error!.SqlState);
        Assert.True(await client.IsClosedAsync());
    }

    [Fact]
    public async Task Missing_user_is_28000()
    {
        await using var client = await ConnectAsync(_server.Port);
        await client.SendAsync(Startup(StartupCode.Protocol30, ("database", "vnd")));
        var error = await client.ReadAsync();
        Assert.Equal("28000", error!.SqlState);
        Assert.True(await client.IsClosedAsync());
    }

    [Fact]
    public async Task Protocol_3_99_gets_NegotiateProtocolVersion_listing_pq_options_then_continues()
    {
        await using var client = await ConnectAsync(_server.Port);
        var messages = await client.LoginAsync((3 << 16) | 99, ("_pq_.compression", "on"));
        var negotiate = messages[0];
        Assert.Equal('v', negotiate.Tag);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 1, .. CString("_pq_.compression")], negotiate.Body);
        Assert.Contains(messages, m => m.Tag == 'R');
        Assert.Equal('Z', messages[^1].Tag);
        await client.SendAsync(Query("select series 1"));
        Assert.Equal("SELECT 1", (await client.ReadUntilAsync('C'))[^1].Text);
    }

    [Theory]
    [InlineData(2 << 16)]
    [InlineData(1234)]
    [InlineData(4 << 16)]
    public async Task Unsupported_protocol_is_0A000(int code)
    {
        await using var client = await ConnectAsync(_server.Port);
        await client.SendAsync(Startup(code, ("user", "alice")));
        var error = await client.ReadAsync();
        Assert.Equal("0A000", error!.SqlState);
        Assert.StartsWith("unsupported frontend protocol", error.Fields()['M'], StringComparison.Ordinal);
        Assert.True(await client.IsClosedAsync());
    }

    [Fact]
    public async Task Ssl_request_without_certificate_is_N_and_a_second_one_is_refused()
    {
        await using var client = await ConnectAsync(_server.Port);
        await client.SendAsync(Int32(8), Int32(StartupCode.SslRequest));
        Assert.Equal((byte)'N', await client.ReadByteAsync());
        await client.SendAsync(Int32(8), Int32(StartupCode.SslRequest));
        var error = await client.ReadAsync();
        Assert.Equal("08P01", error!.SqlState);
        Assert.True(await client.IsClosedAsync());
    }

    [Fact]
    public async Task Ssl_request_then_gssenc_request_are_both_declined_and_startup_continues()
    {
        await using var client = await ConnectAsync(_server.Port);
        await client.SendAsync(Int32(8), Int32(StartupCode.SslRequest));
        Assert.Equal((byte)'N', await client.ReadByteAsync());
        await client.SendAsync(Int32(8), Int32(StartupCode.GssEncRequest));
        Assert.Equal((byte)'N', await client.ReadByteAsync());
        var messages = await client.LoginAsync();
        Assert.Equal('Z', messages[^1].Tag);
    }

    [Fact]
    public async Task Gssenc_request_twice_is_refused()
    {
        await using var client = await ConnectAsync(_server.Port);
        await client.SendAsync(Int32(8), Int32(StartupCode.GssEncRequest));
        Assert.Equal((byte)'N', await client.ReadByteAsync());
        await client.SendAsync(Int32(8), Int32(StartupCode.GssEncRequest));
        Assert.Equal("08P01", (await client.ReadAsync())!.SqlState);
        Assert.True(await client.IsClosedAsync());
    }

    [Fact]
    public async Task Ssl_request_with_a_wrong_length_is_refused()
    {
        await using var client = await ConnectAsync(_server.Port);
        await client.SendAsync(Int32(12), Int32(StartupCode.SslRequest), Int32(0));
        Assert.Equal("08P01", (await client.ReadAsync())!.SqlState);
        Assert.True(await client.IsClosedAsync());
    }

    [Fact]
    public async Task Cancel_request_with_a_wrong_key_closes_silently_and_cancels_nothing()
    {
        await using var client = await ConnectAsync(_server.Port);
        await client.SendAsync(Int32(16), Int32(StartupCode.CancelRequest), Int32(_bystander.ProcessID), Int32(12345));
        Assert.True(await client.IsClosedAsync());
    }

    [Fact]
    public async Task Message_longer_than_the_limit_is_refused_on_its_header()
    {
        await using var client = await ConnectAsync(_server.Port);
        await client.LoginAsync();
        await client.SendAsync([(byte)'Q'], Int32(int.MaxValue));
        var error = await client.ReadAsync();
        Assert.Equal("08P01", error!.SqlState);
        Assert.Contains("exceeds the limit", error.Fields()['M'], StringComparison.Ordinal);
        Assert.True(await client.IsClosedAsync());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task Tagged_message_with_length_below_4_is_refused(int length)
    {
        await using var client = await ConnectAsync(_server.Port);
        await client.LoginAsync();
        await client.SendAsync([(byte)'Q'], Int32(length));
        Assert.Equal("08P01", (await client.ReadAsync())!.SqlState);
        Assert.True(await client.IsClosedAsync());
    }

    [Fact]
    public async Task Unknown_message_type_is_fatal()
    {
        await using var client = await ConnectAsync(_server.Port);
        await client.LoginAsync();
        await client.SendAsync(Tagged('!'));
        Assert.Equal("08P01", (await client.ReadAsync())!.SqlState);
        Assert.True(await client.IsClosedAsync());
    }

    [Fact]
    public async Task Trust_is_refused_for_non_loopback_peers_only()
    {
        // The in-memory transport lets the test choose the peer address.
        var pipe = new InMemoryConnection(_server.Server, new System.Net.IPEndPoint(System.Net.IPAddress.Parse("192.0.2.10"), 5555));
        var output = await pipe.RunAsync(Startup(StartupCode.Protocol30, ("user", "alice")));
        var error = Assert.Single(output, m => m.Tag == 'E');
        Assert.Equal("28000", error.SqlState);
        Assert.DoesNotContain(output, m => m.Tag == 'Z');
    }
}
