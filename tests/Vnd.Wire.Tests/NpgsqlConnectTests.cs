using Npgsql;
using Vnd.Wire.Hosting;
using Vnd.Wire.Tests.Fixture;

namespace Vnd.Wire.Tests;

/// <summary>Startup and authentication as Npgsql 10 performs them (SCRAM, TLS, limits, type loading).</summary>
public sealed class NpgsqlConnectTests
{
    [Fact]
    public async Task Scram_with_the_right_password_opens_a_session_with_postgres_parameters()
    {
        await using var server = await TestServer.StartAsync();
        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        Assert.Equal("16.4 (VND)", connection.ServerVersion);
        Assert.Equal(new Version(16, 4), connection.PostgreSqlVersion);
        Assert.Equal("UTF8", connection.PostgresParameters["server_encoding"]);
        Assert.Equal("ISO, MDY", connection.PostgresParameters["DateStyle"]);
        Assert.Equal("on", connection.PostgresParameters["integer_datetimes"]);
        Assert.Equal("off", connection.PostgresParameters["is_superuser"]);
        Assert.Equal("alice", connection.PostgresParameters["session_authorization"]);
        Assert.True(connection.ProcessID > 0);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_user_fail_with_the_same_28P01_message()
    {
        await using var server = await TestServer.StartAsync();
        var wrong = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var c = new NpgsqlConnection(server.ConnectionString(password: "nope"));
            await c.OpenAsync();
        });
        var unknown = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var c = new NpgsqlConnection(server.ConnectionString(user: "mallory"));
            await c.OpenAsync();
        });
        Assert.Equal("28P01", wrong.SqlState);
        Assert.Equal("28P01", unknown.SqlState);
        Assert.Equal("password authentication failed for user \"alice\"", wrong.MessageText);
        Assert.Equal("password authentication failed for user \"mallory\"", unknown.MessageText);
        Assert.Equal("FATAL", unknown.Severity);
    }

    [Fact]
    public async Task Ssl_mode_require_negotiates_tls_with_a_self_signed_certificate()
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var server = await TestServer.StartAsync(o => o.Certificate = certificate);
        string? seenSubject = null;
        await using var connection = new NpgsqlConnection(server.ConnectionString(extra: "SSL Mode=Require;Trust Server Certificate=true"));
        connection.SslClientAuthenticationOptionsCallback = options => options.RemoteCertificateValidationCallback = (_, cert, _, _) =>
        {
            seenSubject = cert?.Subject;
            return true;
        };
        await connection.OpenAsync();
        Assert.Equal("CN=localhost", seenSubject);
        await using var command = new NpgsqlCommand("select series 3", connection);
        Assert.Equal(1, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Ssl_mode_require_fails_cleanly_without_a_certificate()
    {
        await using var server = await TestServer.StartAsync();
        await using var connection = new NpgsqlConnection(server.ConnectionString(extra: "SSL Mode=Require"));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());
    }

    [Fact]
    public async Task Md5_authentication_works_when_configured()
    {
        await using var server = await TestServer.StartAsync(o => o.AuthMethod = Auth.PgAuthMethod.Md5);
        await using var connection = new NpgsqlConnection(server.ConnectionString(user: "legacy"));
        await connection.OpenAsync();
        await using var bad = new NpgsqlConnection(server.ConnectionString(user: "legacy", password: "x"));
        var error = await Assert.ThrowsAsync<PostgresException>(() => bad.OpenAsync());
        Assert.Equal("28P01", error.SqlState);
    }

    [Fact]
    public async Task Connection_limit_refuses_with_53300_but_the_admin_slot_still_gets_in()
    {
        await using var server = await TestServer.StartAsync(o =>
        {
            o.MaxConnections = 2;
            o.ReservedAdminConnections = 1;
        });
        await using var first = new NpgsqlConnection(server.ConnectionString());
        await first.OpenAsync();
        await using var second = new NpgsqlConnection(server.ConnectionString(user: "bob"));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => second.OpenAsync());
        Assert.Equal("53300", refused.SqlState);
        Assert.Equal("sorry, too many clients already", refused.MessageText);
        await using var admin = new NpgsqlConnection(server.ConnectionString(user: "admin"));
        await admin.OpenAsync();
        Assert.Equal("on", admin.PostgresParameters["is_superuser"]);
    }

    [Fact]
    public async Task Per_user_limit_applies_to_that_user_only()
    {
        await using var server = await TestServer.StartAsync(o => o.MaxConnectionsPerUser = 1);
        await using var first = new NpgsqlConnection(server.ConnectionString());
        await first.OpenAsync();
        await using var again = new NpgsqlConnection(server.ConnectionString());
        var refused = await Assert.ThrowsAsync<PostgresException>(() => again.OpenAsync());
        Assert.Equal("53300", refused.SqlState);
        Assert.Contains("too many connections for role \"alice\"", refused.MessageText, StringComparison.Ordinal);
        await using var bob = new NpgsqlConnection(server.ConnectionString(user: "bob"));
        await bob.OpenAsync();
    }

    [Fact]
    public async Task Type_loading_query_reaches_the_handler_and_fails_cleanly()
    {
        await using var server = await TestServer.StartAsync();
        await using var connection = new NpgsqlConnection(server.ConnectionString(typeLoading: true));
        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
        Assert.Equal("42P01", error.SqlState);
        var sql = Assert.Single(server.Handler.ReceivedSql);
        Assert.StartsWith("SELECT version();", sql, StringComparison.Ordinal);
        Assert.Contains("pg_type", sql, StringComparison.Ordinal);
        Assert.Contains("pg_namespace", sql, StringComparison.Ordinal);
        Assert.Equal(0, server.Server.InternalErrorCount);
    }

    [Fact]
    public async Task Shutdown_sends_57P01_to_open_sessions()
    {
        var server = await TestServer.StartAsync();
        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        await server.DisposeAsync();
        await using var command = new NpgsqlCommand("select series 1", connection);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => command.ExecuteScalarAsync());
        var postgres = error as PostgresException ?? error.InnerException as PostgresException;
        Assert.NotNull(postgres);
        Assert.Equal("57P01", postgres.SqlState);
    }

    [Fact]
    public async Task Idle_session_timeout_from_the_handler_policy_closes_with_57P05()
    {
        await using var server = await TestServer.StartAsync();
        server.Handler.IdlePolicy = new Handlers.PgIdlePolicy(TimeSpan.FromMilliseconds(300), TimeSpan.Zero);
        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        await Task.Delay(1000);
        await using var command = new NpgsqlCommand("select series 1", connection);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => command.ExecuteScalarAsync());
        var postgres = error as PostgresException ?? error.InnerException as PostgresException;
        Assert.NotNull(postgres);
        Assert.Equal("57P05", postgres.SqlState);
    }

    [Fact]
    public async Task Handler_refusing_the_session_is_reported_as_fatal()
    {
        await using var server = await TestServer.StartAsync();
        await using var connection = new NpgsqlConnection(server.ConnectionString().Replace("Database=vnd", "Database=nodb", StringComparison.Ordinal));
        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
        Assert.Equal("3D000", error.SqlState);
        Assert.Equal("FATAL", error.InvariantSeverity);
        Assert.Equal("database \"nodb\" does not exist", error.MessageText);
    }

    [Fact]
    public async Task Channel_binding_tls_server_end_point_is_supported_over_tls()
    {
        using var certificate = SelfSignedCertificate.Create();
        await using var server = await TestServer.StartAsync(o => o.Certificate = certificate);
        await using var bound = new NpgsqlConnection(server.ConnectionString(extra: "SSL Mode=Require;Trust Server Certificate=true;Channel Binding=Require"));
        await bound.OpenAsync();
        await using var wrong = new NpgsqlConnection(server.ConnectionString(password: "x", extra: "SSL Mode=Require;Trust Server Certificate=true;Channel Binding=Require"));
        Assert.Equal("28P01", (await Assert.ThrowsAsync<PostgresException>(() => wrong.OpenAsync())).SqlState);
        await using var plain = new NpgsqlConnection(server.ConnectionString(extra: "SSL Mode=Require;Trust Server Certificate=true;Channel Binding=Disable"));
        await plain.OpenAsync();
    }
}
