using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using Npgsql;
using NpgsqlTypes;
using Vnd.Executor.Vectors;

namespace Vnd.Engine.Tests.Serve;

/// <summary>COPY … TO STDOUT in binary format, read by Npgsql's binary exporter with typed reads.</summary>
[Collection(ServeCollection.Name)]
public sealed class BinaryCopyTests(ServeFixture fixture)
{
    [Fact]
    public async Task Constants_of_every_type_export_in_binary_with_their_values()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1"));
        await connection.OpenAsync();
        await using var export = await connection.BeginBinaryExportAsync($"COPY ({BinaryCopyQueries.EveryType}) TO STDOUT (FORMAT binary)");
        Assert.Equal(BinaryCopyQueries.EveryTypeColumns, await export.StartRowAsync());
        Assert.True(await export.ReadAsync<bool>(NpgsqlDbType.Boolean));
        Assert.Equal((short)1, await export.ReadAsync<short>(NpgsqlDbType.Smallint));
        Assert.Equal(2, await export.ReadAsync<int>(NpgsqlDbType.Integer));
        Assert.Equal(3L, await export.ReadAsync<long>(NpgsqlDbType.Bigint));
        Assert.Equal(1.5f, await export.ReadAsync<float>(NpgsqlDbType.Real));
        Assert.Equal(2.5, await export.ReadAsync<double>(NpgsqlDbType.Double));
        Assert.Equal(1.25m, await export.ReadAsync<decimal>(NpgsqlDbType.Numeric));
        Assert.Equal("x\ty", await export.ReadAsync<string>(NpgsqlDbType.Text));
        Assert.Equal(new byte[] { 1, 2 }, await export.ReadAsync<byte[]>(NpgsqlDbType.Bytea));
        Assert.Equal(new DateOnly(2024, 1, 2), await export.ReadAsync<DateOnly>(NpgsqlDbType.Date));
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Unspecified).AddTicks(1_234_560), await export.ReadAsync<DateTime>(NpgsqlDbType.Timestamp));
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, 500, DateTimeKind.Utc), await export.ReadAsync<DateTime>(NpgsqlDbType.TimestampTz));
        Assert.Equal(new TimeSpan(1, 2, 3, 4), await export.ReadAsync<TimeSpan>(NpgsqlDbType.Interval));
        Assert.Equal(IPAddress.Parse("10.0.0.1"), await export.ReadAsync<IPAddress>(NpgsqlDbType.Inet));
        Assert.Equal(new NpgsqlInet(IPAddress.Parse("2001:db8::1"), 64), await export.ReadAsync<NpgsqlInet>(NpgsqlDbType.Inet));
        Assert.Equal(new IPNetwork(IPAddress.Parse("10.0.0.0"), 8), await export.ReadAsync<IPNetwork>(NpgsqlDbType.Cidr));
        Assert.True(export.IsNull);
        await export.SkipAsync();
        Assert.Equal(-1, await export.StartRowAsync());
    }

    [Fact]
    public async Task Trace_table_rows_export_in_binary_equal_to_the_stored_values()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1"));
        await connection.OpenAsync();
        const string Sql = "select ts, src_mac, src_ip, payload, id from frames order by id limit 3000";
        var expected = fixture.Embedded("tenant1", Sql).Rows;
        await using var export = await connection.BeginBinaryExportAsync($"COPY ({Sql}) TO STDOUT WITH BINARY");
        var row = 0;
        while (await export.StartRowAsync() is var columns && columns != -1)
        {
            Assert.Equal(5, columns);
            var values = expected[row++];
            Assert.Equal((DateTime)values[0]!, await export.ReadAsync<DateTime>(NpgsqlDbType.TimestampTz));
            var mac = new byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(mac, (ulong)values[1]!);
            Assert.Equal(new PhysicalAddress(mac[2..]), await export.ReadAsync<PhysicalAddress>(NpgsqlDbType.MacAddr));
            Assert.Equal(((InetValue)values[2]!).ToAddress(), await export.ReadAsync<IPAddress>(NpgsqlDbType.Inet));
            if (values[3] is byte[] payload)
                Assert.Equal(payload, await export.ReadAsync<byte[]>(NpgsqlDbType.Bytea));
            else
                Assert.True(export.IsNull);
            if (values[3] is null)
                await export.SkipAsync();
            Assert.Equal(Convert.ToInt64(values[4], CultureInfo.InvariantCulture), await export.ReadAsync<long>(NpgsqlDbType.Bigint));
        }
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, row);
    }

    [Fact]
    public async Task A_whole_table_exports_in_binary_one_tuple_per_row()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1"));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from packets", connection);
        var expected = (long)(await count.ExecuteScalarAsync())!;
        long rows = 0;
        await using (var export = await connection.BeginBinaryExportAsync("COPY packets TO STDOUT (FORMAT binary)"))
        {
            // Npgsql's exporter wants every column consumed before the next row.
            while (await export.StartRowAsync() is var columns && columns != -1)
            {
                for (var c = 0; c < columns; c++)
                    await export.SkipAsync();
                rows++;
            }
        }
        Assert.True(expected > 0);
        Assert.Equal(expected, rows);
    }

    [Fact]
    public async Task An_empty_result_exports_the_header_and_trailer_only()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1"));
        await connection.OpenAsync();
        await using (var export = await connection.BeginBinaryExportAsync("COPY (select id from frames where id < 0) TO STDOUT (FORMAT binary)"))
            Assert.Equal(-1, await export.StartRowAsync());
        await using var command = new NpgsqlCommand("select 1", connection);
        Assert.Equal(1, await command.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("(FORMAT binary, DELIMITER ',')", "cannot specify DELIMITER in BINARY mode")]
    [InlineData("(FORMAT binary, NULL 'x')", "cannot specify NULL in BINARY mode")]
    public async Task Text_options_are_refused_in_binary_mode(string options, string message)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1"));
        await connection.OpenAsync();
        var error = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var export = await connection.BeginBinaryExportAsync($"COPY (select 1) TO STDOUT {options}");
        });
        Assert.Equal(message, error.MessageText);
    }
}
