using System.Net;
using System.Net.NetworkInformation;
using Npgsql;
using NpgsqlTypes;
using Vnd.Wire.Tests.Fixture;

namespace Vnd.Wire.Tests;

/// <summary>Extended-protocol queries as Npgsql sends them: binary results, parameters, prepare, batches, cancel.</summary>
public sealed class NpgsqlQueryTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private NpgsqlConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _connection = new NpgsqlConnection(_server.ConnectionString());
        await _connection.OpenAsync();
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        Assert.Equal(0, _server.Server.InternalErrorCount);
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Binary_results_of_every_type_read_back_as_the_right_clr_types()
    {
        await using var command = new NpgsqlCommand("select types", _connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.GetBoolean(0));
        Assert.Equal((short)-12, reader.GetInt16(1));
        Assert.Equal(123456, reader.GetInt32(2));
        Assert.Equal(9007199254740993L, reader.GetInt64(3));
        Assert.Equal(1.5f, reader.GetFloat(4));
        Assert.Equal(0.1, reader.GetDouble(5));
        Assert.Equal(12345.6789m, reader.GetDecimal(6));
        Assert.Equal("héllo, wörld", reader.GetString(7));
        Assert.Equal("v", reader.GetString(8));
        Assert.Equal("pg_catalog", reader.GetString(9));
        // "char" (oid 18) is not among Npgsql's built-in types under NoTypeLoading; its text form is checked raw.
        Assert.Equal(new byte[] { 0xde, 0xad, 0xbe, 0xef }, reader.GetFieldValue<byte[]>(11));
        Assert.Equal(2205u, reader.GetFieldValue<uint>(12));
        Assert.Equal(new DateOnly(2024, 1, 2), reader.GetFieldValue<DateOnly>(13));
        var timestamp = reader.GetDateTime(14);
        Assert.Equal(DateTimeKind.Unspecified, timestamp.Kind);
        Assert.Equal(TypesResult.Timestamp.Ticks, timestamp.Ticks);
        var timestampTz = reader.GetFieldValue<DateTime>(15);
        Assert.Equal(DateTimeKind.Utc, timestampTz.Kind);
        Assert.Equal(TypesResult.Timestamp, timestampTz);
        Assert.Equal(new TimeSpan(1, 2, 0, 0), reader.GetTimeSpan(16));
        Assert.Equal(IPAddress.Parse("10.0.0.1"), reader.GetFieldValue<IPAddress>(17));
        Assert.Equal(new IPNetwork(IPAddress.Parse("10.0.0.0"), 24), reader.GetFieldValue<IPNetwork>(18));
        Assert.Equal(new NpgsqlInet(IPAddress.Parse("2001:db8::1"), 64), reader.GetFieldValue<NpgsqlInet>(19));
        Assert.Equal(new PhysicalAddress(TypesResult.Mac), reader.GetFieldValue<PhysicalAddress>(20));
        Assert.Equal([1, 2, 3], reader.GetFieldValue<int[]>(21));
        Assert.Equal(new string?[] { "a b", "x", null, "say \"hi\"", "" }, reader.GetFieldValue<string?[]>(22));
        Assert.Equal([-1L, 9007199254740993L], reader.GetFieldValue<long[]>(23));
        Assert.Equal([1.5, -0.25], reader.GetFieldValue<double[]>(24));
        Assert.Equal([true, false], reader.GetFieldValue<bool[]>(25));
        Assert.True(reader.IsDBNull(26));
        Assert.Equal("timestamp with time zone", reader.GetDataTypeName(15));
        Assert.Equal("inet", reader.GetDataTypeName(17));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task Binary_specials_read_back()
    {
        await using var command = new NpgsqlCommand("select specials", _connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(double.PositiveInfinity, reader.GetDouble(0));
        Assert.Equal(double.NegativeInfinity, reader.GetDouble(1));
        Assert.True(float.IsNaN(reader.GetFloat(2)));
        Assert.Equal(-0.50m, reader.GetDecimal(5));
        Assert.Equal("-0.50", reader.GetDecimal(5).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(reader.GetFieldValue<int[]>(8));
        Assert.Equal(DateTime.MaxValue, reader.GetFieldValue<DateTime>(9));
    }

    [Fact]
    public async Task Parameters_of_each_type_round_trip_through_bind()
    {
        var now = new DateTime(2025, 6, 7, 8, 9, 10, DateTimeKind.Utc).AddTicks(5550);
        var values = new object[]
        {
            42, 7L, (short)3, 2.5, 1.25f, 123.450m, "text ünïcode", true, new byte[] { 1, 2, 255 }, now,
            DateTime.SpecifyKind(now, DateTimeKind.Unspecified), new DateOnly(1999, 12, 31), TimeSpan.FromMinutes(90),
            IPAddress.Parse("192.168.1.7"),
        };
        var placeholders = string.Join(", ", Enumerable.Range(1, values.Length).Select(i => "$" + i));
        await using var command = new NpgsqlCommand("select " + placeholders, _connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        for (var i = 0; i < values.Length; i++)
        {
            var back = reader.GetValue(i);
            if (values[i] is DateOnly date)
            {
                Assert.Equal(date, reader.GetFieldValue<DateOnly>(i));
            }
            else if (values[i] is DateTime dt)
            {
                Assert.Equal(dt, (DateTime)back);
                Assert.Equal(dt.Kind, ((DateTime)back).Kind);
            }
            else
            {
                Assert.Equal(values[i], back);
            }
        }
    }

    [Fact]
    public async Task Null_parameter_comes_back_as_null()
    {
        await using var command = new NpgsqlCommand("select $1", _connection);
        command.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        Assert.Equal(DBNull.Value, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Prepared_statement_executes_repeatedly_and_closes()
    {
        await using var command = new NpgsqlCommand("select $1", _connection);
        var parameter = new NpgsqlParameter<int> { TypedValue = 0 };
        command.Parameters.Add(parameter);
        await command.PrepareAsync();
        Assert.True(command.IsPrepared);
        for (var i = 1; i <= 5; i++)
        {
            parameter.TypedValue = i * 10;
            Assert.Equal(i * 10, await command.ExecuteScalarAsync());
        }

        await command.UnprepareAsync();
        Assert.Equal(60, await new NpgsqlCommand("select 60 as x, $1", _connection) { Parameters = { new NpgsqlParameter { Value = 60 } } }.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Batch_pipelines_several_statements_before_one_sync()
    {
        await using var batch = new NpgsqlBatch(_connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("select series 3"),
                new NpgsqlBatchCommand("select $1") { Parameters = { new NpgsqlParameter { Value = "second" } } },
                new NpgsqlBatchCommand("select types"),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync();
        var series = new List<int>();
        while (await reader.ReadAsync())
        {
            series.Add(reader.GetInt32(0));
        }

        Assert.Equal([1, 2, 3], series);
        Assert.True(await reader.NextResultAsync());
        Assert.True(await reader.ReadAsync());
        Assert.Equal("second", reader.GetString(0));
        Assert.True(await reader.NextResultAsync());
        Assert.True(await reader.ReadAsync());
        Assert.Equal(123456, reader.GetInt32(2));
        Assert.False(await reader.NextResultAsync());
    }

    [Fact]
    public async Task Large_result_streams_all_rows()
    {
        await using var command = new NpgsqlCommand("select series 100000", _connection);
        await using var reader = await command.ExecuteReaderAsync();
        long sum = 0;
        var count = 0;
        while (await reader.ReadAsync())
        {
            sum += reader.GetInt32(0);
            count++;
        }

        Assert.Equal(100000, count);
        Assert.Equal(5000050000L, sum);
    }

    [Fact]
    public async Task Error_carries_sqlstate_position_detail_hint_and_the_session_continues()
    {
        await using var command = new NpgsqlCommand("select error", _connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteScalarAsync());
        Assert.Equal("42601", error.SqlState);
        Assert.Equal("ERROR", error.Severity);
        Assert.Equal("ERROR", error.InvariantSeverity);
        Assert.Equal(8, error.Position);
        Assert.Equal("fixture detail", error.Detail);
        Assert.Equal("fixture hint", error.Hint);
        await using var next = new NpgsqlCommand("select series 2", _connection);
        Assert.Equal(1, await next.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Error_inside_a_batch_skips_the_rest_until_sync()
    {
        await using var batch = new NpgsqlBatch(_connection)
        {
            BatchCommands = { new NpgsqlBatchCommand("select series 1"), new NpgsqlBatchCommand("select error"), new NpgsqlBatchCommand("select types") },
        };
        await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var reader = await batch.ExecuteReaderAsync();
            while (await reader.NextResultAsync())
            {
            }
        });
        Assert.Equal(1, await new NpgsqlCommand("select series 1", _connection).ExecuteScalarAsync());
    }

    [Fact]
    public async Task Transaction_status_follows_the_handler()
    {
        await using var transaction = await _connection.BeginTransactionAsync();
        await using var failing = new NpgsqlCommand("select error", _connection, transaction);
        await Assert.ThrowsAsync<PostgresException>(() => failing.ExecuteScalarAsync());
        await using var ignored = new NpgsqlCommand("select unknown", _connection, transaction);
        var aborted = await Assert.ThrowsAsync<PostgresException>(() => ignored.ExecuteScalarAsync());
        Assert.Equal("25P02", aborted.SqlState);
        await transaction.RollbackAsync();
        Assert.Equal(1, await new NpgsqlCommand("select series 1", _connection).ExecuteScalarAsync());
    }

    [Fact]
    public async Task Cancel_sends_a_cancel_request_and_the_query_fails_with_57014()
    {
        await using var command = new NpgsqlCommand("select sleep", _connection);
        var running = command.ExecuteScalarAsync();
        await Task.Delay(300);
        command.Cancel();
        var canceled = await Assert.ThrowsAsync<OperationCanceledException>(() => running);
        var error = Assert.IsType<PostgresException>(canceled.InnerException);
        Assert.Equal("57014", error.SqlState);
        Assert.Equal("canceling statement due to user request", error.MessageText);
        Assert.Equal(1, await new NpgsqlCommand("select series 1", _connection).ExecuteScalarAsync());
    }

    [Fact]
    public async Task Command_timeout_cancels_through_the_server()
    {
        await using var command = new NpgsqlCommand("select sleep", _connection) { CommandTimeout = 1 };
        var error = await Assert.ThrowsAsync<NpgsqlException>(() => command.ExecuteScalarAsync());
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Equal(1, await new NpgsqlCommand("select series 1", _connection).ExecuteScalarAsync());
    }

    [Fact]
    public async Task Copy_out_in_text_and_binary_and_copy_in()
    {
        using (var text = await _connection.BeginTextExportAsync("COPY (select 1) TO STDOUT"))
        {
            Assert.Equal("1\tone\n2\ttwo words\n3\ttab\\there\n", await text.ReadToEndAsync());
        }

        await using (var binary = await _connection.BeginBinaryExportAsync("COPY (select 1) TO STDOUT (FORMAT BINARY)"))
        {
            var labels = new List<string>();
            while (await binary.StartRowAsync() != -1)
            {
                Assert.Equal(labels.Count + 1, await binary.ReadAsync<int>());
                labels.Add(await binary.ReadAsync<string>());
            }

            Assert.Equal(["one", "two words", "tab\there"], labels);
        }

        await using (var writer = await _connection.BeginTextImportAsync("copy sink from stdin"))
        {
            await writer.WriteAsync("a\nb\n");
        }

        Assert.Equal("a\nb\n", System.Text.Encoding.UTF8.GetString(Assert.Single(_server.Handler.CopiedIn)));
    }

    [Fact]
    public async Task Describe_only_returns_schema_without_executing()
    {
        await using var command = new NpgsqlCommand("select types", _connection);
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SchemaOnly);
        var schema = await reader.GetColumnSchemaAsync();
        Assert.Equal(27, schema.Count);
        Assert.Equal("tstz", schema[15].ColumnName);
        Assert.Equal("timestamp with time zone", schema[15].DataTypeName);
    }
}
