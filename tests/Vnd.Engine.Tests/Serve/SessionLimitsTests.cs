using Npgsql;

namespace Vnd.Engine.Tests.Serve;

/// <summary>Tenancy, authentication, transaction blocks, settings, statement_timeout and cancel, through Npgsql.</summary>
[Collection(ServeCollection.Name)]
public sealed class SessionLimitsTests(ServeFixture fixture)
{
    /// <summary>A query slow enough to be interrupted: a three-way cross join of 1795 rows (5.8 billion pairs).</summary>
    private const string SlowQuery = "select count(*) from packets a, packets b, packets c";

    private async Task<NpgsqlConnection> OpenAsync(string user = "tenant1", string? password = null, string extra = "")
    {
        var connection = new NpgsqlConnection(fixture.ConnectionString(user, password, extra: extra));
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<PostgresException> FailsAsync(NpgsqlConnection connection, string sql) =>
        await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand(sql, connection).ExecuteScalarAsync());

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql) =>
        await new NpgsqlCommand(sql, connection).ExecuteScalarAsync();

    [Fact]
    public async Task Each_tenant_sees_its_own_table_of_the_same_name()
    {
        await using var tenant1 = await OpenAsync("tenant1");
        await using var tenant2 = await OpenAsync("tenant2");
        var count1 = (long)(await ScalarAsync(tenant1, "select count(*) from packets"))!;
        var count2 = (long)(await ScalarAsync(tenant2, "select count(*) from packets"))!;
        Assert.Equal(1795, count1);
        Assert.Equal(Convert.ToInt64(fixture.Embedded("tenant2", "select count(*) from packets").Rows[0][0], System.Globalization.CultureInfo.InvariantCulture), count2);
        Assert.NotEqual(count1, count2);
    }

    [Fact]
    public async Task Another_tenants_table_fails_exactly_like_a_missing_one()
    {
        await using var tenant2 = await OpenAsync("tenant2");
        var other = await FailsAsync(tenant2, "select count(*) from tenant1.packets");
        var missing = await FailsAsync(tenant2, "select count(*) from tenant9.packets");
        var frames = await FailsAsync(tenant2, "select count(*) from tenant1.frames");
        var own = await FailsAsync(tenant2, "select count(*) from frames");
        Assert.All(new[] { other, missing, frames, own }, e => Assert.Equal("42P01", e.SqlState));
        Assert.Equal("relation \"tenant1.packets\" does not exist", other.MessageText);
        Assert.Equal(missing.MessageText.Replace("tenant9", "tenant1", StringComparison.Ordinal), other.MessageText);
        Assert.Equal(missing.Position, other.Position);
        Assert.Equal("relation \"frames\" does not exist", own.MessageText);
        Assert.Equal("relation \"tenant1.frames\" does not exist", frames.MessageText);
    }

    [Fact]
    public async Task The_admin_sees_every_tenant_schema()
    {
        await using var admin = await OpenAsync("vnd", ServeFixture.AdminPassword);
        Assert.Equal(1795L, await ScalarAsync(admin, "select count(*) from tenant1.packets"));
        Assert.True((long)(await ScalarAsync(admin, "select count(*) from tenant2.packets"))! > 0);
        Assert.Equal("42P01", (await FailsAsync(admin, "select count(*) from packets")).SqlState);
        await ScalarAsync(admin, "set search_path = tenant2");
        Assert.Equal(await ScalarAsync(admin, "select count(*) from tenant2.packets"), await ScalarAsync(admin, "select count(*) from packets"));
    }

    [Fact]
    public async Task Wrong_password_unknown_user_and_unknown_database_are_refused_like_postgresql()
    {
        var wrong = await Assert.ThrowsAsync<PostgresException>(() => OpenAsync("tenant1", "nope"));
        var unknown = await Assert.ThrowsAsync<PostgresException>(() => OpenAsync("tenant7", "nope"));
        Assert.Equal("28P01", wrong.SqlState);
        Assert.Equal(wrong.MessageText.Replace("tenant1", "tenant7", StringComparison.Ordinal), unknown.MessageText);
        await using var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1", database: "postgres"));
        var database = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
        Assert.Equal("3D000", database.SqlState);
        Assert.Equal("database \"postgres\" does not exist", database.MessageText);
        await using var own = new NpgsqlConnection(fixture.ConnectionString("tenant1", database: "tenant1"));
        await own.OpenAsync();
        Assert.Equal(1795L, await ScalarAsync(own, "select count(*) from packets"));
    }

    [Fact]
    public async Task An_error_in_a_block_fails_it_until_rollback()
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        Assert.Equal("22012", (await FailsAsync(connection, "select 1/0")).SqlState);
        var aborted = await FailsAsync(connection, "select 1");
        Assert.Equal("25P02", aborted.SqlState);
        Assert.Equal("current transaction is aborted, commands ignored until end of transaction block", aborted.MessageText);
        await transaction.RollbackAsync();
        Assert.Equal(1, await ScalarAsync(connection, "select 1"));
    }

    [Fact]
    public async Task Settings_are_set_shown_reset_and_reported()
    {
        await using var connection = await OpenAsync();
        await ScalarAsync(connection, "set application_name = 'diagnoser'");
        Assert.Equal("diagnoser", await ScalarAsync(connection, "show application_name"));
        Assert.Equal("diagnoser", connection.PostgresParameters["application_name"]);
        await ScalarAsync(connection, "set statement_timeout = 5000");
        Assert.Equal("5s", await ScalarAsync(connection, "show statement_timeout"));
        await ScalarAsync(connection, "set timezone = 'Europe/Berlin'");
        Assert.Equal("Europe/Berlin", connection.PostgresParameters["TimeZone"]);
        await ScalarAsync(connection, "set vnd.owner = 'me'");
        Assert.Equal("me", await ScalarAsync(connection, "show vnd.owner"));
        Assert.Equal("42704", (await FailsAsync(connection, "set no_such_setting = 1")).SqlState);
        Assert.Equal("55P02", (await FailsAsync(connection, "set server_version = '1'")).SqlState);
        await ScalarAsync(connection, "reset all");
        Assert.Equal("0", await ScalarAsync(connection, "show statement_timeout"));
        Assert.Equal("UTC", await ScalarAsync(connection, "show timezone"));
        Assert.Equal("42704", (await FailsAsync(connection, "show vnd.owner")).SqlState);
        await ScalarAsync(connection, "discard all");
        Assert.Equal("\"$user\", public", await ScalarAsync(connection, "show search_path"));
    }

    [Fact]
    public async Task Statement_timeout_cancels_with_57014_and_the_session_goes_on()
    {
        await using var connection = await OpenAsync();
        await ScalarAsync(connection, "set statement_timeout = '300ms'");
        var started = DateTime.UtcNow;
        var error = await FailsAsync(connection, SlowQuery);
        Assert.Equal("57014", error.SqlState);
        Assert.Equal("canceling statement due to statement timeout", error.MessageText);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        Assert.Equal(1795L, await ScalarAsync(connection, "select count(*) from packets"));
    }

    [Fact]
    public async Task Statement_timeout_stops_a_correlated_subquery_inside_a_row()
    {
        // The subquery runs once per outer row (its correlation is not an equality, so it stays a nested loop), and
        // each run is itself a cross join of 3.2 million pairs: the work happens inside the subquery's own plan, which
        // must see the statement's cancellation, not only the outer scan between batches.
        const string Sql = "select sum((select count(*) from packets b, packets c where b.src_port + c.src_port > a.src_port)) from packets a";
        await using var connection = await OpenAsync();
        await ScalarAsync(connection, "set statement_timeout = '300ms'");
        var started = DateTime.UtcNow;
        var error = await FailsAsync(connection, Sql);
        Assert.Equal("57014", error.SqlState);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "the timeout took " + (DateTime.UtcNow - started));
        Assert.Equal(1795L, await ScalarAsync(connection, "select count(*) from packets"));
    }

    [Fact]
    public async Task Cancel_request_stops_the_query_with_57014_and_the_session_goes_on()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(SlowQuery, connection);
        var running = command.ExecuteScalarAsync();
        await Task.Delay(300);
        var started = DateTime.UtcNow;
        command.Cancel();
        // Npgsql reports a cancel it asked for as OperationCanceledException around the server's ErrorResponse.
        var cancelled = await Assert.ThrowsAsync<OperationCanceledException>(() => running);
        var error = Assert.IsType<PostgresException>(cancelled.InnerException);
        Assert.Equal("57014", error.SqlState);
        Assert.Equal("canceling statement due to user request", error.MessageText);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(1), "cancel took " + (DateTime.UtcNow - started));
        Assert.Equal(1795L, await ScalarAsync(connection, "select count(*) from packets"));
    }
}
