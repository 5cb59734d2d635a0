using Npgsql;

namespace Vnd.Engine.Tests.Serve;

/// <summary>
/// The session's TimeZone reaches expressions through the server, as in PostgreSQL: not only the timestamptz values
/// the wire prints, but casts, date_trunc and extract inside the query, with simple and extended (parameters) protocol.
/// </summary>
[Collection(ServeCollection.Name)]
public sealed class SessionTimeZoneTests(ServeFixture fixture)
{
    [Fact]
    public async Task Expressions_compute_in_the_sessions_zone()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1", null));
        await connection.OpenAsync();
        await Scalar(connection, "set timezone = 'Europe/Berlin'");

        Assert.Equal("2026-01-01 01:00:00+01", await Scalar(connection, "select '2026-01-01 00:00:00+00'::timestamptz::text"));
        Assert.Equal("2026-03-29 00:00:00+01", await Scalar(connection, "select date_trunc('day', '2026-03-29 12:00:00+00'::timestamptz)::text"));
        Assert.Equal(3, await Scalar(connection, "select extract(hour from '2026-03-29 01:30:00+00'::timestamptz)::int4"));
        Assert.Equal(true, await Scalar(connection, "select '2026-01-01 00:00'::timestamptz = '2025-12-31 23:00:00+00'::timestamptz"));
        await using var command = new NpgsqlCommand("select ($1::text)::timestamptz::date::text", connection) { Parameters = { new() { Value = "2026-03-28 23:30:00+00" } } };
        Assert.Equal("2026-03-29", await command.ExecuteScalarAsync());

        await Scalar(connection, "reset timezone");
        Assert.Equal("2026-01-01 00:00:00+00", await Scalar(connection, "select '2026-01-01 00:00:00+00'::timestamptz::text"));
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql) =>
        await new NpgsqlCommand(sql, connection).ExecuteScalarAsync();
}
