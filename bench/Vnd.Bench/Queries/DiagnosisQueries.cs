namespace Vnd.Bench.Queries;

/// <summary>
/// The paper's diagnosis queries (§3.3.1) over the hop's In table <c>pin</c> and Out table <c>pout</c>. The host
/// pair of the RTT query is server 10.0.1.1 (data) and client 10.0.0.1 (delayed ACKs); the filter picks the
/// packets sent by client 10.0.0.7.
/// </summary>
public static class DiagnosisQueries
{
    private const string Server = "10.0.1.1";
    private const string Client = "10.0.0.1";
    private const string FilteredClient = "10.0.0.7";

    public static IReadOnlyList<DiagnosisQuery> All { get; } =
    [
        Same("filter", 1, $"select * from pin where src_ip = {Ip(FilteredClient)}"),
        Same("statistics + share", 1,
            $"select src_ip, count(*) as packets, count(*)::float8 / (select count(*) from pin) as share from pin group by src_ip"),
        Same("distinct 5-tuple", 1, "select distinct src_ip, dst_ip, proto, src_port, dst_port from pin"),
        new("throughput ceil(ts)", 1,
            "select ceil(ts), sum(payload_length) from pin group by ceil(ts)",
            "select ceil(epoch(ts)), sum(payload_length) from pin group by ceil(epoch(ts))",
            "select ceil(extract(epoch from ts)), sum(payload_length) from pin group by ceil(extract(epoch from ts))"),
        Same("RTT one host pair", 1,
            $"select count(*), avg(b.ts - f.ts) from (select * from pin where src_ip = {Ip(Server)} and dst_ip = {Ip(Client)}) as f, " +
            $"(select * from pin where dst_ip = {Ip(Server)} and src_ip = {Ip(Client)}) as b where f.seq + f.payload_length = b.ack"),
        Same("RTT all flows", 1,
            "select f.src_ip, f.dst_ip, f.src_port, f.dst_port, count(*), avg(b.ts - f.ts) from pin f join pin b " +
            "on f.src_ip = b.dst_ip and f.dst_ip = b.src_ip and f.src_port = b.dst_port and f.dst_port = b.src_port " +
            "and f.seq + f.payload_length = b.ack where f.payload_length > 0 group by f.src_ip, f.dst_ip, f.src_port, f.dst_port"),
        Same("one-hop delay In⋈Out", 2, "select count(*), avg(pout.ts - pin.ts) from pin, pout where pin.id = pout.id"),
        Same("loss NOT IN", 2, "select * from pin where pin.id not in (select id from pout)"),
        Same("loss NOT EXISTS", 2, "select * from pin i where not exists (select 1 from pout o where o.id = i.id)"),
        Same("loss LEFT JOIN IS NULL", 2, "select i.* from pin i left join pout o on i.id = o.id where o.id is null"),
    ];

    /// <summary>A query whose text is the same everywhere but for address literals ({{ip:a.b.c.d}}).</summary>
    private static DiagnosisQuery Same(string name, int tables, string sql) =>
        new(name, tables, Dialect(sql, inet: true), Dialect(sql, inet: false), Dialect(sql, inet: true));

    private static string Ip(string address) => "{{ip:" + address + "}}";

    private static string Dialect(string sql, bool inet)
    {
        var start = sql.IndexOf("{{ip:", StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = sql.IndexOf("}}", start, StringComparison.Ordinal);
            var address = sql[(start + 5)..end];
            var literal = inet ? $"'{address}'" : AsInteger(address);
            sql = string.Concat(sql.AsSpan(0, start), literal, sql.AsSpan(end + 2));
            start = sql.IndexOf("{{ip:", StringComparison.Ordinal);
        }
        return sql;
    }

    private static string AsInteger(string address)
    {
        var bytes = System.Net.IPAddress.Parse(address).GetAddressBytes();
        return ((uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3])).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
