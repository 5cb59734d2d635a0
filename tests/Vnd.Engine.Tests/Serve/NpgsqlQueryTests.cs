using System.Globalization;
using Npgsql;

namespace Vnd.Engine.Tests.Serve;

/// <summary>Npgsql 10 against <c>vnd serve</c>: simple and extended protocol, parameters, prepared statements, COPY, cursors.</summary>
[Collection(ServeCollection.Name)]
public sealed class NpgsqlQueryTests(ServeFixture fixture)
{
    private async Task<NpgsqlConnection> OpenAsync(string user = "tenant1")
    {
        var connection = new NpgsqlConnection(fixture.ConnectionString(user));
        await connection.OpenAsync();
        return connection;
    }

    private long EmbeddedCount(string tenant, string where) =>
        Convert.ToInt64(fixture.Embedded(tenant, "select count(*) from packets " + where).Rows[0][0], CultureInfo.InvariantCulture);

    [Fact]
    public async Task Counts_over_the_wire_match_the_embedded_query_path()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("select count(*), sum(payload_length) from packets", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var expected = fixture.Embedded("tenant1", "select count(*), sum(payload_length) from packets").Rows[0];
        Assert.Equal(1795, reader.GetInt64(0));
        Assert.Equal(Convert.ToInt64(expected[0], CultureInfo.InvariantCulture), reader.GetInt64(0));
        Assert.Equal(Convert.ToDecimal(expected[1], CultureInfo.InvariantCulture), Convert.ToDecimal(reader.GetValue(1), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Parameters_are_typed_from_context_and_filter_like_literals()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from packets where dst_port = $1 and payload_length > $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = 22 });
        command.Parameters.Add(new NpgsqlParameter { Value = 0L });
        var count = (long)(await command.ExecuteScalarAsync())!;
        Assert.Equal(EmbeddedCount("tenant1", "where dst_port = 22 and payload_length > 0"), count);
        Assert.True(count > 0);
    }

    [Fact]
    public async Task A_prepared_statement_runs_again_with_new_values()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from packets where flags = @flags", connection);
        var flags = command.Parameters.Add(new NpgsqlParameter("flags", NpgsqlTypes.NpgsqlDbType.Integer));
        await command.PrepareAsync();
        Assert.True(command.IsPrepared);
        foreach (var value in new[] { 2, 18, 16, 24, 2 })
        {
            flags.Value = value;
            Assert.Equal(EmbeddedCount("tenant1", "where flags = " + value.ToString(CultureInfo.InvariantCulture)), (long)(await command.ExecuteScalarAsync())!);
        }
    }

    [Fact]
    public async Task Text_parameters_of_temporal_and_network_types_are_cast_like_literals()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from packets where src_ip = $1::inet and ts >= $2::timestamptz", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = "192.168.1.79", NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = new DateTime(2011, 12, 16, 21, 35, 40, DateTimeKind.Utc) });
        Assert.Equal(EmbeddedCount("tenant1", "where src_ip = '192.168.1.79'::inet and ts >= '2011-12-16 21:35:40+00'::timestamptz"),
            (long)(await command.ExecuteScalarAsync())!);
    }

    /// <summary>
    /// A trace table's nanosecond times against the infinities (literal and binary parameter): every packet is before
    /// 'infinity' and after '-infinity', none after 'infinity', whether or not a segment's time range is consulted.
    /// </summary>
    [Fact]
    public async Task Trace_times_compare_with_the_infinities()
    {
        await using var connection = await OpenAsync();
        var all = EmbeddedCount("tenant1", "");
        Assert.True(all > 0);
        Assert.Equal(all, EmbeddedCount("tenant1", "where ts < 'infinity' and ts > '-infinity'::timestamptz"));
        Assert.Equal(0, EmbeddedCount("tenant1", "where ts > 'infinity' or ts < '-infinity' or ts = 'infinity'"));
        await using var command = new NpgsqlCommand("select count(*) from packets where ts < $1 and ts > $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        Assert.Equal(all, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_batch_of_statements_returns_every_result()
    {
        await using var connection = await OpenAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands = { new("select count(*) from packets where flags = 2"), new("select 40 + 2"), new("select 'vnd'") },
        };
        await using var reader = await batch.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(EmbeddedCount("tenant1", "where flags = 2"), reader.GetInt64(0));
        Assert.True(await reader.NextResultAsync());
        Assert.True(await reader.ReadAsync());
        Assert.Equal(42, reader.GetInt32(0));
        Assert.True(await reader.NextResultAsync());
        Assert.True(await reader.ReadAsync());
        Assert.Equal("vnd", reader.GetString(0));
    }

    [Fact]
    public async Task A_large_result_streams_every_row_in_order()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("select ip_id, seq from packets", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var expected = fixture.Embedded("tenant1", "select ip_id, seq from packets").Rows;
        var row = 0;
        while (await reader.ReadAsync())
        {
            Assert.Equal(Convert.ToInt64(expected[row][1], CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
            row++;
        }
        Assert.Equal(expected.Count, row);
    }

    [Fact]
    public async Task Text_copy_export_matches_the_rows()
    {
        await using var connection = await OpenAsync();
        using var export = await connection.BeginTextExportAsync("COPY (select src_port, flags from packets where dst_port = 22 order by ts limit 3) TO STDOUT");
        var text = await export.ReadToEndAsync();
        var expected = fixture.Embedded("tenant1", "select src_port, flags from packets where dst_port = 22 order by ts limit 3").Rows
            .Select(r => $"{r[0]}\t{r[1]}\n");
        Assert.Equal(string.Concat(expected), text);
    }

    [Fact]
    public async Task Named_cursor_fetches_in_slices_and_keeps_its_place()
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await new NpgsqlCommand("declare c cursor for select seq from packets", connection, transaction).ExecuteNonQueryAsync();
        var expected = fixture.Embedded("tenant1", "select seq from packets").Rows.Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).ToList();
        var fetched = new List<long>();
        while (true)
        {
            await using var fetch = new NpgsqlCommand("fetch forward 500 from c", connection, transaction);
            await using var reader = await fetch.ExecuteReaderAsync();
            var before = fetched.Count;
            while (await reader.ReadAsync())
                fetched.Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
            Assert.True(fetched.Count - before <= 500);
            if (fetched.Count - before < 500)
                break;
        }
        Assert.Equal(expected, fetched);
        await new NpgsqlCommand("close c", connection, transaction).ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    [Fact]
    public async Task Declare_outside_a_transaction_block_is_refused_like_postgresql()
    {
        await using var connection = await OpenAsync();
        var error = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand("declare c cursor for select 1", connection).ExecuteNonQueryAsync());
        Assert.Equal("25P01", error.SqlState);
    }
}
