using Npgsql;
using Vnd.Executor.Tests.Slt;

namespace Vnd.Engine.Tests.Serve;

/// <summary>
/// COPY TO STDOUT from VND and from a real PostgreSQL 15 for the same values: binary streams must be equal byte for
/// byte (signature, flags, header extension, field counts, send() forms, -1 NULL, trailer) and text streams equal
/// character for character (timestamps, addresses, escapes).
/// </summary>
[Collection(ServeCollection.Name)]
public sealed class CopyDifferentialTests(ServeFixture fixture)
{
    /// <summary>Timestamps that exercise the digit-by-digit formatter: fractions with trailing zeros, the same second
    /// twice (the encoder reuses its text), early years, zones.</summary>
    private const string Timestamps = """
        select '2024-01-02 03:04:05'::timestamp, '2024-01-02 03:04:05.25'::timestamp, '2024-01-02 03:04:06'::timestamp, '2024-12-31 23:59:59.999999'::timestamp, '0999-03-04 05:06:07.1'::timestamp,
               '1969-07-20 20:17:40.05'::timestamp, '2024-01-02 03:04:05.000100+00'::timestamptz, '1900-02-28 10:00:00.5+00'::timestamptz,
               '2001:db8::/32'::cidr, '192.168.0.0/16'::inet, '0.0.0.0'::inet, 'a\b'::text, E'line\nnext'::text, '"quoted", too'::text
        """;

    /// <summary>Typed arrays of every element type VND has, with NULL elements, quoting and an empty array.</summary>
    private const string Arrays = """
        select ARRAY[1, NULL, 3], ARRAY[1::int2, NULL], ARRAY[9223372036854775807, NULL]::int8[], ARRAY[1.5::float4, NULL], ARRAY['1e300'::float8, -0.25, NULL],
               ARRAY[true, NULL, false], ARRAY['a b', 'x"y', NULL, '', 'NULL', 'back\slash', 'tab	in', '{brace}', 'comma,'],
               ARRAY[1.25::numeric, NULL, 12345678901234567890.123], ARRAY['2024-01-02 03:04:05.5+00'::timestamptz, NULL], ARRAY['2024-01-02 03:04:05'::timestamp],
               ARRAY['10.0.0.1'::inet, '2001:db8::/32'::inet, '192.168.0.0/16'], ARRAY[16384::oid, NULL], ARRAY[]::int4[], ARRAY[]::text[], NULL::int4[]
        """;

    [Fact]
    public async Task Arrays_copy_and_print_equal_to_postgresql_15_byte_for_byte()
    {
        await using var both = await Connections.OpenAsync(fixture.ConnectionString("tenant1"));
        var (vnd, pg) = (both.Vnd, both.Pg);
        var copy = $"COPY ({Arrays}) TO STDOUT";
        Assert.Equal(await RawBinaryAsync(pg, copy + " (FORMAT binary)"), await RawBinaryAsync(vnd, copy + " (FORMAT binary)"));
        Assert.Equal(await TextAsync(pg, copy), await TextAsync(vnd, copy));
        Assert.Equal(await TextAsync(pg, copy + " (FORMAT csv)"), await TextAsync(vnd, copy + " (FORMAT csv)"));
        // DataRow text (array_out) and the RowDescription type OIDs, as a text-format result.
        Assert.Equal(await DataRowsAsync(pg, Arrays), await DataRowsAsync(vnd, Arrays));
    }

    /// <summary>
    /// Npgsql reading infinities in binary and sending them as parameters: whatever its default mapping of the
    /// sentinels is (DateTime.MaxValue/MinValue unless its infinity conversions are disabled), VND's values read and
    /// round-trip as PostgreSQL's do.
    /// </summary>
    [Fact]
    public async Task Infinite_dates_and_timestamps_read_and_round_trip_through_npgsql_as_postgresql_15s()
    {
        await using var both = await Connections.OpenAsync(fixture.ConnectionString("tenant1"));
        var (vnd, pg) = (both.Vnd, both.Pg);
        Assert.Equal(await InfinitiesReadAsync(pg), await InfinitiesReadAsync(vnd));
        var expected = await InfinitiesSentAsync(pg);
        Assert.Equal(["infinity", "-infinity", "infinity", "-infinity", "infinity", "-infinity"], expected);
        Assert.Equal(expected, await InfinitiesSentAsync(vnd));
    }

    private static async Task<List<string>> InfinitiesReadAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(Infinities, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var values = new List<string>();
        for (var c = 0; c < 6; c++)
        {
            values.Add(reader.GetFieldValue<DateTime>(c).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            values.Add(reader.GetDataTypeName(c));
        }
        values.Add(string.Join(",", reader.GetFieldValue<DateTime[]>(6).Select(t => t.ToString("O", System.Globalization.CultureInfo.InvariantCulture))));
        return values;
    }

    /// <summary>DateTime.MaxValue/MinValue as binary timestamp, timestamptz and date parameters, printed by the server.</summary>
    private static async Task<List<string>> InfinitiesSentAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("select $1::text, $2::text, $3::text, $4::text, $5::text, $6::text", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = DateTime.MaxValue, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Timestamp });
        command.Parameters.Add(new NpgsqlParameter { Value = DateTime.MinValue, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Timestamp });
        command.Parameters.Add(new NpgsqlParameter { Value = DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = DateOnly.MaxValue, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter { Value = DateOnly.MinValue, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return [.. Enumerable.Range(0, 6).Select(reader.GetString)];
    }

    private static async Task<List<string>> DataRowsAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { AllResultTypesAreUnknown = true };
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        for (var c = 0; c < reader.FieldCount; c++)
            values.Add($"{reader.GetName(c)}:{reader.GetDataTypeName(c)}");
        while (await reader.ReadAsync())
        {
            for (var c = 0; c < reader.FieldCount; c++)
                values.Add(reader.IsDBNull(c) ? "<null>" : reader.GetString(c));
        }
        return values;
    }

    /// <summary>
    /// The infinite dates and timestamps: binary send is PostgreSQL's sentinel itself (int32/int64 max and min, not
    /// shifted to the 2000 epoch), text is 'infinity'/'-infinity', alone and as array elements.
    /// </summary>
    private const string Infinities = """
        select 'infinity'::date, '-infinity'::date, 'infinity'::timestamp, '-infinity'::timestamp, 'infinity'::timestamptz, '-infinity'::timestamptz,
               ARRAY['infinity'::timestamp, '-infinity', '2024-01-02 03:04:05'], ARRAY['-infinity'::timestamptz, 'infinity']
        """;

    [Fact]
    public async Task Binary_and_text_copy_equal_postgresql_15_byte_for_byte()
    {
        await using var both = await Connections.OpenAsync(fixture.ConnectionString("tenant1"));
        var (vnd, pg) = (both.Vnd, both.Pg);
        foreach (var query in new[] { BinaryCopyQueries.EveryType, Timestamps, Infinities })
        {
            var copy = $"COPY ({query}) TO STDOUT";
            Assert.Equal(await RawBinaryAsync(pg, copy + " (FORMAT binary)"), await RawBinaryAsync(vnd, copy + " (FORMAT binary)"));
            Assert.Equal(await TextAsync(pg, copy), await TextAsync(vnd, copy));
            Assert.Equal(await TextAsync(pg, copy + " (FORMAT csv)"), await TextAsync(vnd, copy + " (FORMAT csv)"));
            // Delimiters that occur inside timestamps and numbers: escaped (text) or quoted (CSV) in every column.
            Assert.Equal(await TextAsync(pg, copy + " (DELIMITER ':')"), await TextAsync(vnd, copy + " (DELIMITER ':')"));
            Assert.Equal(await TextAsync(pg, copy + " (FORMAT csv, DELIMITER '.')"), await TextAsync(vnd, copy + " (FORMAT csv, DELIMITER '.')"));
        }
    }

    /// <summary>
    /// Around both 2024 transitions. (Before 1893 Berlin used local mean time, +00:53:28; .NET's TimeZoneInfo
    /// rounds such offsets to whole minutes, so VND prints +00:54 there: a known difference.)
    /// </summary>
    [Fact]
    public async Task Timestamptz_text_in_a_zone_with_daylight_saving_equals_postgresql_15()
    {
        await using var both = await Connections.OpenAsync(fixture.ConnectionString("tenant1"));
        var (vnd, pg) = (both.Vnd, both.Pg);
        const string Copy = """
            COPY (select '2024-03-31 00:59:59.5+00'::timestamptz, '2024-03-31 01:00:00+00'::timestamptz, '2024-10-27 00:30:00.25+00'::timestamptz,
                         '2024-10-27 01:30:00+00'::timestamptz) TO STDOUT
            """;
        foreach (var connection in new[] { vnd, pg })
        {
            await using var set = new NpgsqlCommand("SET TimeZone = 'Europe/Berlin'", connection);
            await set.ExecuteNonQueryAsync();
        }
        Assert.Equal(await TextAsync(pg, Copy), await TextAsync(vnd, Copy));
    }

    private static async Task<byte[]> RawBinaryAsync(NpgsqlConnection connection, string copy)
    {
        await using var stream = await connection.BeginRawBinaryCopyAsync(copy);
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    private static async Task<string> TextAsync(NpgsqlConnection connection, string copy)
    {
        using var reader = await connection.BeginTextExportAsync(copy);
        return await reader.ReadToEndAsync();
    }

    /// <summary>A session on VND and one on a fresh PostgreSQL 15, closed (and the server stopped) together.</summary>
    private sealed class Connections(PostgresServer server, NpgsqlConnection vnd, NpgsqlConnection pg) : IAsyncDisposable
    {
        public NpgsqlConnection Vnd => vnd;

        public NpgsqlConnection Pg => pg;

        public static async Task<Connections> OpenAsync(string vndConnectionString)
        {
            var server = new PostgresServer();
            var vnd = new NpgsqlConnection(vndConnectionString);
            var pg = new NpgsqlConnection(server.ConnectionString);
            var both = new Connections(server, vnd, pg);
            try
            {
                await vnd.OpenAsync();
                await pg.OpenAsync();
                return both;
            }
            catch
            {
                await both.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await vnd.DisposeAsync();
            await pg.DisposeAsync();
            server.Dispose();
        }
    }
}
