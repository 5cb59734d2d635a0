using Npgsql;

namespace Vnd.Engine.Tests.Serve;

/// <summary>
/// SET inside a transaction block as PostgreSQL does it, through Npgsql: ROLLBACK undoes SET and RESET, SET LOCAL
/// ends with the block, COMMIT keeps session-level changes, and restored reported settings reach the client.
/// </summary>
[Collection(ServeCollection.Name)]
public sealed class TransactionSettingsTests(ServeFixture fixture)
{
    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1"));
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<object?> RunAsync(NpgsqlConnection connection, string sql) =>
        await new NpgsqlCommand(sql, connection).ExecuteScalarAsync();

    [Fact]
    public async Task Current_schema_follows_the_search_path_and_is_null_when_no_schema_of_it_exists()
    {
        await using var connection = await OpenAsync();
        Assert.Equal("tenant1", await RunAsync(connection, "select current_schema()"));
        await RunAsync(connection, "set search_path = pg_catalog, tenant1");
        Assert.Equal("pg_catalog", await RunAsync(connection, "select current_schema"));
        await RunAsync(connection, "set search_path = nosuch");
        Assert.Equal(DBNull.Value, await RunAsync(connection, "select current_schema()"));
        await RunAsync(connection, "reset search_path");
        Assert.Equal("tenant1", await RunAsync(connection, "select current_schema()"));

        // The admin role is "vnd", so its "$user" names the schema of vnd.diagnoses, as PostgreSQL resolves it.
        await using var admin = new NpgsqlConnection(fixture.ConnectionString("vnd", ServeFixture.AdminPassword));
        await admin.OpenAsync();
        Assert.Equal("vnd", await RunAsync(admin, "select current_schema()"));
        await RunAsync(admin, "set search_path = tenant2");
        Assert.Equal("tenant2", await RunAsync(admin, "select current_schema()"));
    }

    [Fact]
    public async Task Rollback_undoes_set_and_reset()
    {
        await using var connection = await OpenAsync();
        await RunAsync(connection, "set statement_timeout = '5s'");
        await RunAsync(connection, "begin");
        await RunAsync(connection, "set statement_timeout = '7s'");
        await RunAsync(connection, "set vnd.owner = 'me'");
        Assert.Equal("7s", await RunAsync(connection, "show statement_timeout"));
        await RunAsync(connection, "rollback");
        Assert.Equal("5s", await RunAsync(connection, "show statement_timeout"));
        Assert.Equal("42704", (await Assert.ThrowsAsync<PostgresException>(() => RunAsync(connection, "show vnd.owner"))).SqlState);

        await RunAsync(connection, "begin");
        await RunAsync(connection, "reset statement_timeout");
        Assert.Equal("0", await RunAsync(connection, "show statement_timeout"));
        await RunAsync(connection, "rollback");
        Assert.Equal("5s", await RunAsync(connection, "show statement_timeout"));
    }

    [Fact]
    public async Task Commit_keeps_set_and_ends_set_local()
    {
        await using var connection = await OpenAsync();
        await RunAsync(connection, "begin");
        await RunAsync(connection, "set statement_timeout = '3s'");
        await RunAsync(connection, "set local extra_float_digits = 0");
        Assert.Equal("0", await RunAsync(connection, "show extra_float_digits"));
        await RunAsync(connection, "commit");
        Assert.Equal("3s", await RunAsync(connection, "show statement_timeout"));
        Assert.Equal("1", await RunAsync(connection, "show extra_float_digits"));

        // A session-level SET followed by SET LOCAL in one block: COMMIT keeps the SET's value.
        await RunAsync(connection, "begin");
        await RunAsync(connection, "set statement_timeout = '4s'");
        await RunAsync(connection, "set local statement_timeout = '9s'");
        Assert.Equal("9s", await RunAsync(connection, "show statement_timeout"));
        await RunAsync(connection, "commit");
        Assert.Equal("4s", await RunAsync(connection, "show statement_timeout"));
    }

    [Fact]
    public async Task A_failed_block_rolls_its_settings_back_and_reports_the_restored_value()
    {
        await using var connection = await OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await RunAsync(connection, "set application_name = 'inside'");
            Assert.Equal("inside", connection.PostgresParameters["application_name"]);
            await Assert.ThrowsAsync<PostgresException>(() => RunAsync(connection, "select nosuch from packets"));
            Assert.Equal("25P02", (await Assert.ThrowsAsync<PostgresException>(() => RunAsync(connection, "show application_name"))).SqlState);
            await transaction.RollbackAsync();
        }
        Assert.Equal("", await RunAsync(connection, "show application_name"));
        // The ParameterStatus PostgreSQL sends when a rollback restores a reported setting.
        Assert.Equal("", connection.PostgresParameters["application_name"]);
    }

    [Fact]
    public async Task Set_config_with_is_local_is_set_local()
    {
        await using var connection = await OpenAsync();
        await RunAsync(connection, "begin");
        Assert.Equal("6s", await RunAsync(connection, "select set_config('statement_timeout', '6s', true)"));
        Assert.Equal("6s", await RunAsync(connection, "show statement_timeout"));
        await RunAsync(connection, "commit");
        Assert.Equal("0", await RunAsync(connection, "show statement_timeout"));
        await RunAsync(connection, "select set_config('statement_timeout', '6s', true)");
        Assert.Equal("0", await RunAsync(connection, "show statement_timeout"));
        await RunAsync(connection, "select set_config('statement_timeout', '2s', false)");
        Assert.Equal("2s", await RunAsync(connection, "show statement_timeout"));
    }

    [Fact]
    public async Task Set_local_outside_a_block_only_warns()
    {
        await using var connection = await OpenAsync();
        var notices = new List<PostgresNotice>();
        connection.Notice += (_, e) => notices.Add(e.Notice);
        await RunAsync(connection, "set local statement_timeout = '8s'");
        Assert.Equal("0", await RunAsync(connection, "show statement_timeout"));
        var warning = Assert.Single(notices);
        Assert.Equal("25P01", warning.SqlState);
        Assert.Equal("SET LOCAL can only be used in transaction blocks", warning.MessageText);
    }

    /// <summary>
    /// PostgreSQL: in a block now() and 'now' are the transaction's start, the same in every statement, while
    /// statement_timestamp() moves; outside a block each statement has its own instant, which 'now' shares.
    /// </summary>
    [Fact]
    public async Task Now_in_a_block_is_the_transaction_start_and_the_text_now_is_the_same_instant()
    {
        await using var connection = await OpenAsync();
        await RunAsync(connection, "begin");
        var start = (DateTime)(await RunAsync(connection, "select now()"))!;
        await Task.Delay(20);
        Assert.Equal(start, (DateTime)(await RunAsync(connection, "select 'now'::timestamptz"))!);
        Assert.Equal(start, (DateTime)(await RunAsync(connection, "select transaction_timestamp()"))!);
        Assert.True((DateTime)(await RunAsync(connection, "select statement_timestamp()"))! > start);
        Assert.Equal(true, await RunAsync(connection, "select now() = 'now'::timestamptz and 'today'::date = current_date"));
        await RunAsync(connection, "commit");

        var after = (DateTime)(await RunAsync(connection, "select 'now'::timestamptz"))!;
        Assert.True(after > start);
        Assert.Equal(true, await RunAsync(connection, "select now() = 'now'::timestamptz and now() = statement_timestamp()"));
    }
}
