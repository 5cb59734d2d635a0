using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using Npgsql;
using NpgsqlTypes;
using Vnd.Executor.Vectors;

namespace Vnd.Engine.Tests.Serve;

/// <summary>Every type the engine emits, read by Npgsql in binary format (its default for result columns).</summary>
[Collection(ServeCollection.Name)]
public sealed class NpgsqlTypeTests(ServeFixture fixture)
{
    [Fact]
    public async Task Constants_of_every_type_arrive_in_binary_with_their_values()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select true, 1::int2, 2::int4, 3::int8, 1.5::float4, 2.5::float8, 1.25::numeric, 'x'::text, '\x0102'::bytea,
                   '2024-01-02'::date, '2024-01-02 03:04:05.123456'::timestamp, '2024-01-02 03:04:05.5+00'::timestamptz,
                   '1 day 02:03:04'::interval, '10.0.0.1'::inet, '2001:db8::1/64'::inet, '10.0.0.0/8'::cidr, null::int4
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.True(reader.GetBoolean(0));
        Assert.Equal((short)1, reader.GetInt16(1));
        Assert.Equal(2, reader.GetInt32(2));
        Assert.Equal(3L, reader.GetInt64(3));
        Assert.Equal(1.5f, reader.GetFloat(4));
        Assert.Equal(2.5, reader.GetDouble(5));
        Assert.Equal(1.25m, reader.GetDecimal(6));
        Assert.Equal("x", reader.GetString(7));
        Assert.Equal(new byte[] { 1, 2 }, reader.GetFieldValue<byte[]>(8));
        Assert.Equal(new DateOnly(2024, 1, 2), reader.GetFieldValue<DateOnly>(9));
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Unspecified).AddTicks(1_234_560), reader.GetDateTime(10));
        var utc = reader.GetFieldValue<DateTime>(11);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, 500, DateTimeKind.Utc), utc);
        Assert.Equal(new TimeSpan(1, 2, 3, 4), reader.GetFieldValue<TimeSpan>(12));
        Assert.Equal(IPAddress.Parse("10.0.0.1"), reader.GetFieldValue<IPAddress>(13));
        Assert.Equal(new NpgsqlInet(IPAddress.Parse("2001:db8::1"), 64), reader.GetFieldValue<NpgsqlInet>(14));
        Assert.Equal(new IPNetwork(IPAddress.Parse("10.0.0.0"), 8), reader.GetFieldValue<IPNetwork>(15));
        Assert.True(reader.IsDBNull(16));
        Assert.Equal("integer", reader.GetDataTypeName(2));
        Assert.Equal("timestamp with time zone", reader.GetDataTypeName(11));
    }

    [Fact]
    public async Task Time_values_travel_in_binary_both_ways()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1"));
        await connection.OpenAsync();
        // A time parameter (Npgsql sends TimeOnly as binary time), time arithmetic, a timestamp's time of day,
        // 24:00:00 (which TimeOnly cannot hold, TimeSpan can) and an array of times.
        await using var command = new NpgsqlCommand("""
            select $1 + interval '90 minutes', '2024-01-02 03:04:05.25'::timestamp::time, '24:00'::time,
                   array['01:00'::time, null, '23:59:59.999999'::time], $1 - '10:00'::time
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = new TimeOnly(11, 15, 30) });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("time without time zone", reader.GetDataTypeName(0));
        Assert.Equal(new TimeOnly(12, 45, 30), reader.GetFieldValue<TimeOnly>(0));
        Assert.Equal(new TimeSpan(0, 3, 4, 5, 250), reader.GetFieldValue<TimeSpan>(1));
        Assert.Equal(TimeSpan.FromHours(24), reader.GetFieldValue<TimeSpan>(2));
        Assert.Equal([TimeSpan.FromHours(1), null, new TimeSpan(0, 23, 59, 59).Add(TimeSpan.FromTicks(9_999_990))],
            reader.GetFieldValue<TimeSpan?[]>(3));
        Assert.Equal(new TimeSpan(1, 15, 30), reader.GetFieldValue<TimeSpan>(4));
    }

    [Fact]
    public async Task Json_and_jsonb_travel_in_binary_both_ways()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1"));
        await connection.OpenAsync();
        // jsonb goes in binary as version 1 and its text (Npgsql sends a string parameter typed jsonb that way and
        // reads jsonb results so); json is its text in either format.
        await using var command = new NpgsqlCommand(
            "select $1 -> 'b', jsonb_build_object('k', $2::int4), '{\"x\" : [1, 2]}'::json, $1 ->> 'a', jsonb_agg(x) from (values (1), (2)) v(x)",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = """{"b": {"c": true}, "a": "é"}""", NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = 7 });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("jsonb", reader.GetDataTypeName(0));
        Assert.Equal("""{"c": true}""", reader.GetString(0));
        Assert.Equal("""{"k": 7}""", reader.GetString(1));
        Assert.Equal("json", reader.GetDataTypeName(2));
        Assert.Equal("""{"x" : [1, 2]}""", reader.GetString(2));
        Assert.Equal("é", reader.GetString(3));
        Assert.Equal("[1, 2]", reader.GetString(4));
        using var document = reader.GetFieldValue<System.Text.Json.JsonDocument>(1);
        Assert.Equal(7, document.RootElement.GetProperty("k").GetInt32());
    }

    [Fact]
    public async Task Trace_table_columns_arrive_in_binary_equal_to_the_stored_values()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1"));
        await connection.OpenAsync();
        const string Sql = "select ts, src_mac, src_ip, payload, id from frames order by id limit 200";
        var expected = fixture.Embedded("tenant1", Sql).Rows;
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var row = 0;
        while (await reader.ReadAsync())
        {
            var values = expected[row++];
            Assert.Equal((DateTime)values[0]!, reader.GetFieldValue<DateTime>(0));
            var mac = new byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(mac, (ulong)values[1]!);
            Assert.Equal(new PhysicalAddress(mac[2..]), reader.GetFieldValue<PhysicalAddress>(1));
            Assert.Equal(((InetValue)values[2]!).ToAddress(), reader.GetFieldValue<IPAddress>(2));
            if (values[3] is byte[] payload)
                Assert.Equal(payload, reader.GetFieldValue<byte[]>(3));
            else
                Assert.True(reader.IsDBNull(3));
            Assert.Equal(Convert.ToInt64(values[4], CultureInfo.InvariantCulture), reader.GetInt64(4));
        }
        Assert.Equal(expected.Count, row);
        Assert.Equal(200, row);
    }
}
