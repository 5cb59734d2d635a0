namespace Vnd.Engine.Tests.Serve;

/// <summary>Queries whose COPY output is checked against the engine's own values and against PostgreSQL 15.</summary>
public static class BinaryCopyQueries
{
    /// <summary>One value of every scalar type the engine emits, a text needing escapes, and a NULL.</summary>
    public const string EveryType = """
        select true, 1::int2, 2::int4, 3::int8, 1.5::float4, 2.5::float8, 1.25::numeric, 'x	y'::text, '\x0102'::bytea,
               '2024-01-02'::date, '2024-01-02 03:04:05.123456'::timestamp, '2024-01-02 03:04:05.5+00'::timestamptz,
               '1 day 02:03:04'::interval, '10.0.0.1'::inet, '2001:db8::1/64'::inet, '10.0.0.0/8'::cidr, null::int4
        """;

    public const int EveryTypeColumns = 17;
}
