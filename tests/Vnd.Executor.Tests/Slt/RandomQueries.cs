using System.Globalization;
using System.Text;

namespace Vnd.Executor.Tests.Slt;

/// <summary>
/// Seeded random queries for the differential test, in the spirit of SQLancer/sqlsmith but typed: every expression
/// is generated for a result kind (integer, real, text, boolean), so each query knows its .slt column types and the
/// comparison is exact. Shapes: projections with filters, grouped aggregates with HAVING, DISTINCT, joins of every
/// type, window functions over unique orderings, set operations, scalar and IN/EXISTS subqueries, and top-N with a
/// unique tie-break. Unlike the templates in <see cref="GeneratedQueries"/>, these combine constructs (CASE inside
/// aggregates, NULL-producing joins under filters, subqueries in HAVING), which is where planner rules go wrong.
/// </summary>
public sealed class RandomQueries(int seed)
{
    private enum Kind { Int, Real, Text, Bool }

    private readonly Random _random = new(seed);

    /// <summary>Table t's columns by kind; the trace table every shape reads.</summary>
    private static readonly string[] IntColumns = ["sport", "dport", "seq", "ack", "len", "flags", "id"];
    private static readonly string[] SmallIntColumns = ["sport", "dport", "len", "flags"];
    private static readonly string[] GroupColumns = ["dport", "flags", "src", "len", "sport"];

    public static IEnumerable<(string Sql, string Types)> Take(int seed, int count)
    {
        var generator = new RandomQueries(seed);
        for (var i = 0; i < count; i++)
            yield return generator.Next();
    }

    public (string Sql, string Types) Next() => _random.Next(25) switch
    {
        24 => AddressesAndNulls(),
        23 => TimeSeries(),
        22 => MixedTypes(),
        20 => ValueFunctions(),
        21 => TimeArithmetic(),
        16 => HopJoins(),
        17 => NestedQueries(),
        18 => SetOperationsOrdered(),
        19 => Conversions(),
        0 or 1 => Projection(),
        2 or 3 => Grouped(),
        4 => Distinct(),
        5 => Join(),
        6 => Window(),
        7 => SetOperation(),
        8 => TopN(),
        9 => Subqueries(),
        10 => TypedColumns(),
        11 => GroupingSets(),
        12 => DistinctOn(),
        13 => CommonTables(),
        14 => MoreWindows(),
        _ => MoreAggregates(),
    };

    /// <summary>
    /// What dashboards send: time buckets (Grafana's $__timeGroup is floor(epoch / n) * n), date_trunc and date_bin
    /// groups, moving windows over a RANGE of time, ordered string_agg, percentiles, and ORDER BY … USING.
    /// </summary>
    private (string, string) TimeSeries()
    {
        var key = Pick(["dport", "flags", "len"]);
        var value = Pick(SmallIntColumns);
        var where = Where("t", 1);
        return _random.Next(7) switch
        {
            0 => ($"SELECT floor(extract(epoch from ts) / {Pick(["0.1", "0.25", "1", "60"])}) * {Pick(["0.1", "0.25", "1", "60"])} AS time, count(*), sum({value}) FROM t{where} GROUP BY 1 ORDER BY 1", "TII"),
            1 => ($"SELECT date_trunc('{Pick(["second", "minute", "milliseconds", "hour"])}', ts) AS time, max({value}), min(id) FROM t{where} GROUP BY 1 ORDER BY 1", "TII"),
            2 => ($"SELECT date_bin('{Int(1, 400)} milliseconds', ts, timestamptz '2024-03-01 00:00:00+00') AS time, count(DISTINCT src) FROM t{where} GROUP BY 1 ORDER BY 1", "TI"),
            3 => ($"SELECT id, {Pick(["count(*)", $"sum({value})", $"max({value})"])} OVER (ORDER BY ts RANGE BETWEEN interval '{Int(0, 300)} milliseconds' PRECEDING AND {Pick(["CURRENT ROW", $"interval '{Int(0, 100)} milliseconds' FOLLOWING"])}) FROM t{where}", "II"),
            4 => ($"SELECT {key}, string_agg({value}::text, ',' ORDER BY id {Pick(["", "DESC", "USING >"])}) FROM t{where} GROUP BY {key}", "IT"),
            5 => ($"SELECT {key}, percentile_disc({Pick(["0", "0.25", "0.5", "0.9", "1"])}) WITHIN GROUP (ORDER BY {value}), mode() WITHIN GROUP (ORDER BY {value} DESC) FROM t{where} GROUP BY {key}", "III"),
            _ => ($"SELECT id, {value} FROM t{where} ORDER BY {value} USING {Pick(["<", ">"])}{Pick(["", " NULLS FIRST", " NULLS LAST"])}, id USING {Pick(["<", ">"])} LIMIT {Int(1, 12)}", "II"),
        };
    }

    /// <summary>
    /// inet/cidr operators and functions over the trace's addresses (IPv4 and IPv6 rows, so mixed families fail alike
    /// with 22023), and over n: CASE/COALESCE/NULLIF/GREATEST result types across integer widths, numeric and float,
    /// string functions fed NULLs, and numeric rounding at extreme values.
    /// </summary>
    private (string, string) AddressesAndNulls()
    {
        var address = Pick(["src", "dst"]);
        var network = $"inet '{Pick(["10.0.0.0/8", "10.0.1.0/24", "10.0.0.0/23", "10.0.0.1", "0.0.0.0/0", "::/0", "2001:db8::/32"])}'";
        if (_random.Next(2) == 0)
        {
            var item = _random.Next(10) switch
            {
                0 => $"{address} {Pick(["<<", "<<=", ">>", ">>=", "&&"])} {network}",
                1 => $"network(set_masklen({address}, {Int(0, 32)}))",
                2 => $"set_masklen({address}::cidr, {Int(-1, 32)})",
                3 => $"{address} - {Pick(["src", "dst", "inet '10.0.0.0'"])}",
                4 => $"{address} {Pick(["+", "-"])} {Pick(SmallIntColumns)}",
                5 => $"{Pick(["broadcast", "netmask", "hostmask", "abbrev", "text", "host", "masklen", "family", "network"])}({Pick(["src", "dst", $"set_masklen({address}, {Int(8, 32)})", $"{address}::cidr"])})",
                6 => $"inet_merge({address}, {network})",
                7 => $"{address} {Pick(["&", "|"])} inet '{Pick(["255.255.255.0", "0.0.0.255", "255.255.0.0"])}'",
                8 => $"CASE WHEN {address} <<= {network} THEN {Pick(["host", "abbrev", "text"])}({address}) ELSE {Pick(["NULL", "'other'", "src::text"])} END",
                _ => $"{address} {Pick(["<", ">=", "=", "<>", "IS DISTINCT FROM"])} {Pick(["src", "dst", network])}",
            };
            var order = _random.Next(2) == 0 ? $" ORDER BY {Pick(["1", "2"])} {Pick(["ASC", "DESC"])}, id LIMIT {Int(1, 20)}" : "";
            return ($"SELECT id, {item} FROM t{Where("t", 1)}{order}", "TT");
        }
        var value = _random.Next(12) switch
        {
            0 => $"coalesce({Pick(["i2", "NULL::int2"])}, {Pick(["i4", "i8", "num", "f8"])}, {Pick(["0", "2.5", "i8"])})",
            1 => $"CASE WHEN {Pick(["b", "id > 3", "s IS NULL", "ip IS NULL"])} THEN {Pick(["i2", "i4", "i8", "num", "f8", "NULL"])} ELSE {Pick(["i2", "i4", "num", "f8", "0", "1.5"])} END",
            2 => $"nullif({Pick(["i2", "i4", "num", "s", "ip"])}, {Pick(["i2", "i4", "7", "NULL"])})",
            3 => $"{Pick(["greatest", "least"])}({Pick(["i2", "i4", "num"])}, {Pick(["i8", "num", "f8", "NULL", "0"])})",
            4 => $"concat_ws('{Pick([",", "", "-"])}', s, {Pick(["NULL", "ip", "d", "num", "b"])}, i2)",
            5 => $"{Pick(["upper", "lower", "initcap", "length", "reverse", "md5", "quote_literal", "quote_nullable"])}({Pick(["s", "s || NULL", "coalesce(s, 'none')", "nullif(s, '')"])})",
            6 => $"{Pick(["left", "right", "repeat", "substr"])}(s, {Pick(["i2 % 5", "2", "-1", "NULL"])})",
            // Not f8::numeric nor num * i8: they pass the 28 digits of VND's numeric (22003 where PostgreSQL answers).
            7 => $"round({Pick(["num", "num * 1.5", "num / 7", "i4 / 3.0", "i8 / 7.0"])}, {Int(-2, 4)})",
            8 => $"{Pick(["round", "trunc", "ceil", "floor"])}({Pick(["num", "f8", "num - 0.5", "i8 / 2.0"])})",
            9 => $"{Pick(["num", "i4", "i8"])} {Pick(["/", "%", "*"])} {Pick(["nullif(i2, 0)", "3", "0.7", "i2", "NULL"])}",
            10 => $"coalesce(s, ip::text, d::text, 'none') || {Pick(["''", "'|'", "NULL"])}",
            _ => $"CASE {Pick(["i2", "s", "b"])} WHEN {Pick(["7", "'alpha'", "true", "NULL"])} THEN 'yes' WHEN {Pick(["0", "''", "false"])} THEN 'zero' ELSE {Pick(["'no'", "NULL", "s"])} END",
        };
        return ($"SELECT id, {value} FROM n WHERE id {Pick(["<", ">", "<>"])} {Int(1, 8)}", "TT");
    }

    /// <summary>Mixed-type arithmetic and comparisons over n (NULLs, extremes, -0, 1e300), ordered with NULLS placement.</summary>
    private (string, string) MixedTypes()
    {
        var left = Pick(["i2", "i4", "num", "f8", "id"]);
        var right = Pick(["i2", "i4", "num", "f8", "id", "2.5", "3"]);
        var op = Pick(["+", "-", "*", "<", ">=", "=", "IS DISTINCT FROM", "<>"]);
        var order = Pick(["ASC", "DESC", "ASC NULLS FIRST", "DESC NULLS LAST"]);
        var sort = Pick(["i8", "f8", "num", "s", "d", "iv", "ip", "b"]);
        var limit = _random.Next(2) == 0 ? $" FETCH FIRST {Int(1, 4)} ROWS WITH TIES" : "";
        if (limit.Length > 0)
            return ($"SELECT id, {sort} FROM n ORDER BY {sort} {order}{limit}", "TT");
        return ($"SELECT id, {left} {op} {right}, {sort} FROM n WHERE id <> 4 ORDER BY {sort} {order}, id", "TTT");
    }

    /// <summary>Arrays, jsonb, regular expressions and string functions over trace columns.</summary>
    private (string, string) ValueFunctions()
    {
        var column = Pick(SmallIntColumns);
        var item = _random.Next(14) switch
        {
            0 => $"ARRAY[{column}, len, NULL]",
            1 => $"array_length(ARRAY[{column}, flags], 1)",
            2 => $"(ARRAY[sport, dport])[{Int(0, 3)}]",
            3 => $"jsonb_build_object('p', {column}, 'f', flags)",
            4 => $"jsonb_build_object('p', {column}) ->> 'p'",
            5 => $"to_jsonb(ARRAY[{column}, len]) -> {Int(0, 2)}",
            6 => $"regexp_replace(src::text, '\\.({Int(0, 1)})\\.', '-\\1-')",
            7 => $"src::text ~ '^10\\.0\\.{Int(0, 1)}'",
            8 => $"split_part(host(src), '.', {Int(1, 4)})",
            9 => $"substring(host(dst) from '[0-9]+$')",
            10 => $"lpad({column}::text, 6, '0') || rpad('x', {Int(0, 3)}, 'y')",
            11 => $"string_to_array(host(src), '.')",
            12 => $"array_to_string(ARRAY[{column}, NULL, len], ',', '*')",
            _ => $"md5({column}::text)",
        };
        return ($"SELECT id, {item} FROM t{Where("t", 1)}", "TT");
    }

    /// <summary>timestamptz and interval arithmetic, truncation and formatting over the trace's times.</summary>
    private (string, string) TimeArithmetic()
    {
        var item = _random.Next(12) switch
        {
            0 => $"ts + interval '{Int(1, 90)} {Pick(["milliseconds", "seconds", "minutes", "hours", "days", "months"])}'",
            1 => $"date_trunc('{Pick(["second", "minute", "hour", "day", "milliseconds"])}', ts)",
            2 => $"extract({Pick(["epoch", "second", "milliseconds", "microseconds", "minute", "dow"])} from ts)",
            3 => "ts - lag(ts) OVER (ORDER BY ts, id)",
            4 => $"to_char(ts, '{Pick(["YYYY-MM-DD HH24:MI:SS.US", "HH12:MI AM", "Mon DD", "SSSS"])}')",
            5 => $"ts::date",
            6 => $"(ts - timestamptz '2024-03-01 12:00:00+00') * {Int(1, 3)}",
            7 => $"date_bin(interval '{Int(1, 500)} milliseconds', ts, timestamptz '2024-03-01 00:00:00+00')",
            8 => $"floor(extract(epoch from ts) / {Int(1, 3)}) * {Int(1, 3)}",
            9 => "ts AT TIME ZONE 'UTC'",
            10 => $"justify_hours(interval '{Int(1, 50)} hours') + (ts - timestamptz '2024-03-01 12:00:00+00')",
            _ => "age(timestamptz '2024-03-02 00:00:00+00', ts)",
        };
        return ($"SELECT id, {item} FROM t{Where("t", 1)}", "TT");
    }

    /// <summary>One hop's In and Out traces joined as the paper's queries do, with aggregates over the join.</summary>
    private (string, string) HopJoins()
    {
        var join = Pick(["JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN"]);
        var on = Pick(["i.id = o.id", "i.id = o.id AND i.len = o.len", "i.seq + i.len = o.ack AND i.src = o.dst"]);
        if (join == "FULL JOIN" && on.Contains('+', StringComparison.Ordinal))
            on = "i.id = o.id";
        return _random.Next(5) switch
        {
            0 => ($"SELECT count(*), count(o.id), sum(i.len), min(o.ts - i.ts), max(o.ts - i.ts) FROM t_in i {join} t_out o ON {on}", "TTTTT"),
            1 => ($"SELECT i.src, count(*), avg(extract(epoch from o.ts - i.ts)) FROM t_in i {join} t_out o ON {on} GROUP BY i.src", "TTT"),
            2 => ($"SELECT i.id, o.id FROM t_in i {join} t_out o ON {on} WHERE {Pick(["o.id IS NULL", "i.id IS NULL", "i.len > 0", "o.len IS DISTINCT FROM i.len"])}", "TT"),
            3 => ($"SELECT id, len FROM t_in JOIN t_out USING (id, len) WHERE id % {Int(2, 5)} = 0", "TT"),
            _ => ($"SELECT i.id FROM t_in i, t_out o WHERE i.id = o.id AND o.ts - i.ts > interval '{Int(0, 60)} milliseconds'", "T"),
        };
    }

    /// <summary>Derived tables over windows and aggregates, filtered above them; EXISTS and scalar subqueries in the select list.</summary>
    private (string, string) NestedQueries()
    {
        var key = Pick(["dport", "flags", "src"]);
        return _random.Next(5) switch
        {
            0 => ($"SELECT id, r FROM (SELECT id, rank() OVER (PARTITION BY {key} ORDER BY len DESC) AS r FROM t) x WHERE r <= {Int(1, 3)}", "TT"),
            1 => ($"SELECT k, c FROM (SELECT {key} AS k, count(*) AS c, sum(len) AS s FROM t GROUP BY {key}) x WHERE s > {Int(0, 3000)} ORDER BY c DESC, k LIMIT {Int(1, 5)}", "TT"),
            2 => ($"SELECT id, EXISTS (SELECT 1 FROM b WHERE b.k = t.flags % 7), CASE WHEN len > (SELECT avg(len) FROM t) THEN 'big' ELSE 'small' END FROM t{Where("t", 1)}", "TTT"),
            3 => ($"SELECT id, (SELECT count(*) FROM t t2 WHERE t2.{key} = t.{key} AND t2.id < t.id) FROM t WHERE id < {Int(1005, 1090)}", "TT"),
            _ => ($"SELECT {key}, max(len) FROM t WHERE len > (SELECT min(len) FROM t t2 WHERE t2.{key} = t.{key}) GROUP BY {key}", "TT"),
        };
    }

    private (string, string) SetOperationsOrdered()
    {
        var operation = Pick(["UNION", "UNION ALL", "INTERSECT", "EXCEPT"]);
        return ($"(SELECT src, dport FROM t{Where("t", 1)}) {operation} (SELECT dst, sport FROM t{Where("t", 1)}) ORDER BY 1, 2 LIMIT {Int(1, 10)}", "TT");
    }

    /// <summary>Casts and conversions, including ones that fail the same way in both (22P02, 22003).</summary>
    private (string, string) Conversions()
    {
        var item = _random.Next(12) switch
        {
            0 => "s::int4",
            1 => "i8::int4",
            2 => "num::int8",
            3 => "f8::int4",
            4 => "i4::int2",
            5 => "ts::text",
            6 => "d::timestamp",
            7 => "iv::text",
            8 => "(i4::text || '.5')::numeric",
            9 => "ip::cidr::text",
            10 => "b::text",
            _ => "to_char(num, 'FM999990.00')",
        };
        return ($"SELECT id, {item} FROM n WHERE id {Pick(["<", ">", "<>", "="])} {Int(1, 8)}", "TT");
    }

    /// <summary>Table n's typed columns (dates, timestamps, intervals, numeric, text, bool) through functions and casts.</summary>
    private (string, string) TypedColumns()
    {
        var items = new List<(string Sql, char Type)>();
        for (var i = 0; i < 1 + _random.Next(3); i++)
        {
            items.Add(_random.Next(25) switch
            {
                0 => ($"date_trunc('{Pick(["month", "day", "hour", "year", "week", "quarter"])}', ts)", 'T'),
                1 => ($"extract({Pick(["year", "month", "day", "hour", "minute", "dow", "doy", "epoch", "quarter", "week"])} from ts)", 'R'),
                2 => ($"d + {Int(-40, 40)}", 'T'),
                3 => ($"ts + iv", 'T'),
                4 => ($"iv * {Int(-3, 3)}", 'T'),
                5 => ($"to_char(d, '{Pick(["YYYY-MM-DD", "DD Mon YYYY", "Day", "IW", "Q"])}')", 'T'),
                6 => ($"{Pick(["round", "trunc", "ceil", "floor", "abs", "sign"])}(num)", 'R'),
                7 => ($"round(num, {Int(0, 3)})", 'R'),
                8 => ($"{Pick(["lower", "upper", "reverse", "initcap", "btrim", "md5"])}(s)", 'T'),
                9 => ($"split_part(s, '{Pick([" ", "a", "%"])}', {Int(1, 2)})", 'T'),
                10 => ($"position('{Pick(["a", "l", "%", "z"])}' in s)", 'I'),
                11 => ($"lpad(s, {Int(0, 8)}, '*')", 'T'),
                12 => ($"s {Pick(["LIKE", "ILIKE", "NOT LIKE"])} '{Pick(["a%", "%a", "%\\%%", "_eta", "B%"])}'", 'T'),
                13 => ($"coalesce(b, i4 > 0)", 'T'),
                14 => ($"(b AND i2 > 0) IS {Pick(["TRUE", "FALSE", "UNKNOWN", "NOT TRUE"])}", 'T'),
                15 => ($"i2::int8 * {Int(-5, 5)} + i4 % {Int(1, 9)}", 'I'),
                16 => ($"f8 * {Int(-2, 2)} + {Int(0, 9)}", 'R'),
                17 => ($"d - date '2024-01-01'", 'I'),
                18 => ($"age(ts, timestamp '2000-01-01')", 'T'),
                19 => ($"ip::text", 'T'),
                20 => ($"{Pick(["masklen", "family"])}(ip)", 'I'),
                // The NULL rows become an infinity: shifted, truncated, cast and tested as PostgreSQL 15 does.
                21 => ($"{Pick(["date_trunc('day', {0})", "{0} + iv", "{0}::date", "{0}::timestamptz", "isfinite({0})"])}".Replace("{0}", $"coalesce(ts, timestamp '{Pick(["infinity", "-infinity"])}')", StringComparison.Ordinal), 'T'),
                22 => ($"coalesce(d, date '{Pick(["infinity", "-infinity"])}') + {Int(-9, 9)}", 'T'),
                23 => ($"date_part('{Pick(["year", "epoch", "day", "hour"])}', coalesce(ts, timestamp '{Pick(["infinity", "-infinity"])}'))", 'R'),
                _ => ($"ts::date", 'T'),
            });
        }
        var where = _random.Next(3) switch
        {
            0 => "",
            1 => $" WHERE {Pick(["d > date '2000-06-01'", "ts < timestamp '2024-03-01'", "num > 1", "s >= 'b'", "b", "NOT b", "iv > interval '1 hour'", "ip << inet '192.168.0.0/16'", "f8 < 5", "ts < timestamp 'infinity'", "d > '-infinity'"])}",
            _ => $" WHERE id {Pick(["<", ">", "<>"])} {Int(1, 8)}",
        };
        return ($"SELECT id, {string.Join(", ", items.Select(x => x.Sql))} FROM n{where}", "I" + new string([.. items.Select(x => x.Type)]));
    }

    private (string, string) GroupingSets()
    {
        var grouping = Pick(["ROLLUP (dport, flags)", "CUBE (dport, flags)", "GROUPING SETS ((dport), (flags), ())", "dport, ROLLUP (flags)"]);
        var extra = _random.Next(2) == 0 ? ", grouping(dport, flags)" : "";
        return ($"SELECT dport, flags, count(*), sum(len){extra} FROM t{Where("t", 1)} GROUP BY {grouping}", extra.Length > 0 ? "IIIII" : "IIII");
    }

    private (string, string) DistinctOn()
    {
        var key = Pick(["dport", "flags", "src", "sport"]);
        var order = Pick(["ts", "id DESC", "len DESC, id", "seq, id"]);
        return ($"SELECT DISTINCT ON ({key}) {key}, id, len FROM t{Where("t", 1)} ORDER BY {key}, {order}", key == "src" ? "TII" : "III");
    }

    private (string, string) CommonTables()
    {
        var key = Pick(["dport", "flags", "sport"]);
        return _random.Next(4) switch
        {
            0 => ($"WITH g AS (SELECT {key} AS k, count(*) AS c, max(len) AS m FROM t GROUP BY {key}) SELECT t.id, g.c, g.m FROM t JOIN g ON t.{key} = g.k WHERE {Expression(Kind.Bool, "t", 1)}", "III"),
            1 => ($"SELECT x.k, x.c FROM (SELECT {key} AS k, count(*) AS c FROM t{Where("t", 1)} GROUP BY {key}) x WHERE x.c {Pick([">", "<", "="])} {Int(1, 20)}", "II"),
            2 => ($"WITH f AS (SELECT * FROM t WHERE len > 0), r AS (SELECT * FROM t WHERE len = 0) SELECT f.id, r.id FROM f JOIN r ON f.src = r.dst AND f.sport = r.dport AND f.seq + f.len = r.ack", "II"),
            _ => ($"SELECT d.{key}, x.id FROM (SELECT DISTINCT {key} FROM t) d LEFT JOIN LATERAL (SELECT id FROM t WHERE t.{key} = d.{key} AND {Expression(Kind.Bool, "t", 1)} ORDER BY id DESC LIMIT {Int(1, 3)}) x ON true", "II"),
        };
    }

    private (string, string) MoreWindows()
    {
        var partition = Pick(["dport", "flags", "src"]);
        var function = _random.Next(8) switch
        {
            0 => ($"ntile({Int(2, 4)}) OVER (PARTITION BY {partition} ORDER BY id)", "I"),
            1 => ($"percent_rank() OVER (PARTITION BY {partition} ORDER BY len)", "R"),
            2 => ($"cume_dist() OVER (PARTITION BY {partition} ORDER BY len)", "R"),
            3 => ($"nth_value(id, {Int(1, 3)}) OVER (PARTITION BY {partition} ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)", "I"),
            4 => ($"sum(len) OVER (PARTITION BY {partition} ORDER BY len RANGE BETWEEN {Int(0, 600)} PRECEDING AND {Int(0, 100)} FOLLOWING)", "I"),
            5 => ($"count(*) OVER (PARTITION BY {partition} ORDER BY len GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW)", "I"),
            6 => ($"last_value(id) OVER (PARTITION BY {partition} ORDER BY ts, id ROWS BETWEEN CURRENT ROW AND {Int(0, 3)} FOLLOWING)", "I"),
            _ => ($"avg(len) OVER (PARTITION BY {partition} ORDER BY ts, id ROWS UNBOUNDED PRECEDING)", "R"),
        };
        return ($"SELECT id, {function.Item1} FROM t{Where("t", 1)}", "I" + function.Item2);
    }

    private (string, string) MoreAggregates()
    {
        var column = Pick(SmallIntColumns);
        var (sql, types) = _random.Next(9) switch
        {
            0 => ($"bool_and({column} > {Int(0, 100)}), bool_or({column} > {Int(0, 100)})", "TT"),
            1 => ($"stddev_samp({column}), var_pop({column})", "RR"),
            2 => ($"percentile_cont(0.{Int(1, 9)}) WITHIN GROUP (ORDER BY {column}), percentile_disc(0.{Int(1, 9)}) WITHIN GROUP (ORDER BY {column})", "RI"),
            3 => ($"count(*) FILTER (WHERE {Expression(Kind.Bool, "t", 1)}), sum({column}) FILTER (WHERE len > 0)", "II"),
            4 => ($"string_agg(DISTINCT {column}::text, '|' ORDER BY {column}::text)", "T"),
            5 => ($"array_agg({column} ORDER BY id DESC)", "T"),
            6 => ($"min(src), max(dst)", "TT"),
            7 => ($"count(DISTINCT src), count(DISTINCT {column})", "II"),
            // A bare 'x' would be a field of type unknown, which PostgreSQL cannot compare once two rows tie (42883).
            _ => ($"count(DISTINCT (src, {column})), count(DISTINCT ({Pick(SmallIntColumns)} % 3, {Typed(Expression((Kind)_random.Next(3), "t", 1))}))", "II"),
        };
        var key = Pick(["dport", "flags"]);
        return ($"SELECT {key}, {sql} FROM t{Where("t", 1)} GROUP BY {key}", "I" + types);
    }

    private (string, string) Projection()
    {
        var (list, types) = SelectList(1 + _random.Next(3), "t", 2);
        return ($"SELECT {list} FROM t{Where("t", 2)}", types);
    }

    private (string, string) Grouped()
    {
        var key = Pick(GroupColumns);
        var keyKind = key == "src" ? "T" : "I";
        var aggregates = new List<string>();
        var types = new StringBuilder(keyKind);
        for (var i = 0; i < 1 + _random.Next(3); i++)
        {
            var (sql, kind) = Aggregate("t");
            aggregates.Add(sql);
            types.Append(kind);
        }
        var having = _random.Next(3) == 0 ? $" HAVING {Compare(Aggregate("t", integerOnly: true).Sql, Pick(["<", ">", ">=", "<>"]), Int(0, 40).ToString(CultureInfo.InvariantCulture))}" : "";
        return ($"SELECT {key}, {string.Join(", ", aggregates)} FROM t{Where("t", 2)} GROUP BY {key}{having}", types.ToString());
    }

    private (string, string) Distinct()
    {
        var (list, types) = SelectList(1 + _random.Next(2), "t", 1, integersOnly: true);
        return ($"SELECT DISTINCT {list} FROM t{Where("t", 1)}", types);
    }

    private (string, string) Join()
    {
        var join = Pick(["JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN", "JOIN"]);
        var on = _random.Next(4) switch
        {
            0 => "a.k = b.k AND b.w > " + Int(10, 45).ToString(CultureInfo.InvariantCulture),
            1 => "a.k = b.k OR a.k + 1 = b.k",
            2 => "a.k + 1 = b.k",
            _ => "a.k = b.k",
        };
        // PostgreSQL answers FULL JOIN only on merge- or hash-joinable conditions.
        if (join == "FULL JOIN" && on.Contains(" OR ", StringComparison.Ordinal))
            on = "a.k = b.k";
        var where = _random.Next(3) switch
        {
            0 => " WHERE b.w IS NULL",
            1 => $" WHERE coalesce(a.k, 0) + coalesce(b.w, 0) > {Int(0, 30)}",
            _ => "",
        };
        if (_random.Next(3) == 0)
            return ($"SELECT a.k IS NULL, count(*), sum(b.w), max(a.v) FROM a {join} b ON {on}{where} GROUP BY a.k IS NULL", "TIIT");
        return ($"SELECT a.k, a.v, b.k, b.w, coalesce(a.k, b.k) * 2 FROM a {join} b ON {on}{where}", "ITIII");
    }

    private (string, string) Window()
    {
        var partition = Pick(["dport", "flags", "src", "sport"]);
        var value = Pick(SmallIntColumns);
        var function = _random.Next(8) switch
        {
            0 => ("row_number() OVER w", "I"),
            1 => ("rank() OVER (PARTITION BY " + partition + " ORDER BY " + value + ")", "I"),
            2 => ("dense_rank() OVER (PARTITION BY " + partition + " ORDER BY " + value + ")", "I"),
            3 => ($"lag({value}, {Int(1, 3)}) OVER w", "I"),
            4 => ($"lead({value}, 1, -1) OVER w", "I"),
            5 => ($"sum({value}) OVER (w ROWS BETWEEN {Int(0, 3)} PRECEDING AND {Int(0, 2)} FOLLOWING)", "I"),
            6 => ($"count(*) FILTER (WHERE {value} > {Int(0, 100)}) OVER w", "I"),
            _ => ($"first_value({value}) OVER (w RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)", "I"),
        };
        return ($"SELECT id, {function.Item1} FROM t{Where("t", 1)} WINDOW w AS (PARTITION BY {partition} ORDER BY ts, id)", "I" + function.Item2);
    }

    private (string, string) SetOperation()
    {
        var operation = Pick(["UNION", "UNION ALL", "INTERSECT", "INTERSECT ALL", "EXCEPT", "EXCEPT ALL"]);
        var column = Pick(SmallIntColumns);
        var other = Pick(SmallIntColumns);
        return ($"SELECT {column} % 7 FROM t{Where("t", 1)} {operation} SELECT {other} % 5 FROM t{Where("t", 1)}", "I");
    }

    private (string, string) TopN()
    {
        var (list, types) = SelectList(1 + _random.Next(2), "t", 2);
        var key = Pick(IntColumns);
        var direction = Pick(["", " DESC", " NULLS FIRST", " DESC NULLS LAST"]);
        // t.id, not id: a bare name takes an output column of that name first (CASE … ELSE id END is named id),
        // which would leave ties and a LIMIT free to pick different rows.
        return ($"SELECT {list} FROM t{Where("t", 1)} ORDER BY {key}{direction}, t.id LIMIT {Int(1, 12)} OFFSET {Int(0, 5)}", types);
    }

    private (string, string) Subqueries()
    {
        var column = Pick(SmallIntColumns);
        return _random.Next(6) switch
        {
            0 => ($"SELECT id, (SELECT max(w) FROM b WHERE b.k = t.flags % 5) FROM t{Where("t", 1)}", "II"),
            5 => ($"SELECT k, k {Pick(["=", "<>", "<", "<=", ">", ">="])} {Pick(["ANY", "ALL"])} (ARRAY(SELECT {Pick(["k", "w / 10"])} FROM b{Pick(["", " WHERE k IS NOT NULL", $" WHERE w < {Int(15, 45)}", " WHERE false"])})) FROM a", "IT"),
            1 => ($"SELECT id FROM t WHERE {column} % 7 {Pick(["IN", "NOT IN"])} (SELECT k FROM {Pick(["a", "b"])}{Pick(["", " WHERE k IS NOT NULL", " WHERE k > 2"])})", "I"),
            2 => ($"SELECT id FROM t WHERE {Pick(["", "NOT "])}EXISTS (SELECT 1 FROM b WHERE b.k = t.{column} % 7{Pick(["", " AND b.w > 25"])})", "I"),
            3 => ($"SELECT dport, count(*) FROM t GROUP BY dport HAVING count(*) > (SELECT count(*) FROM b WHERE k IS NOT NULL) / {Int(1, 3)}", "II"),
            _ => ($"SELECT k, v FROM a WHERE k {Pick(["=", "<>", ">"])} ANY (SELECT k FROM b WHERE w {Pick(["<", ">"])} {Int(15, 45)})", "IT"),
        };
    }

    private (string List, string Types) SelectList(int count, string table, int depth, bool integersOnly = false)
    {
        var items = new List<string>();
        var types = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var kind = integersOnly ? Kind.Int : (Kind)_random.Next(4);
            items.Add(Expression(kind, table, depth));
            types.Append(kind switch { Kind.Int => 'I', Kind.Real => 'R', _ => 'T' });
        }
        return (string.Join(", ", items), types.ToString());
    }

    private string Where(string table, int depth) => _random.Next(3) == 0 ? "" : " WHERE " + Expression(Kind.Bool, table, depth);

    private (string Sql, string Kind) Aggregate(string table, bool integerOnly = false)
    {
        var argument = Expression(Kind.Int, table, 1);
        return _random.Next(integerOnly ? 4 : 9) switch
        {
            0 => ("count(*)", "I"),
            1 => ($"count({argument})", "I"),
            2 => ($"max({argument})", "I"),
            3 => ($"min({argument})", "I"),
            4 => ($"sum({argument})", "I"),
            5 => ($"avg({argument})", "R"),
            6 => ($"count(DISTINCT {argument})", "I"),
            7 => ($"sum(CASE WHEN {Expression(Kind.Bool, table, 1)} THEN 1 ELSE 0 END)", "I"),
            _ => ($"string_agg({Expression(Kind.Text, table, 0)}, ',' ORDER BY id)", "T"),
        };
    }

    private string Expression(Kind kind, string table, int depth) => kind switch
    {
        Kind.Int => IntExpression(depth),
        Kind.Real => RealExpression(depth),
        Kind.Text => TextExpression(depth),
        _ => BoolExpression(depth),
    };

    private string IntExpression(int depth)
    {
        if (depth <= 0 || _random.Next(3) == 0)
            return _random.Next(5) == 0 ? Int(-3, 50).ToString(CultureInfo.InvariantCulture) : Pick(IntColumns);
        return _random.Next(11) switch
        {
            0 => $"({IntExpression(depth - 1)} + {IntExpression(depth - 1)})",
            1 => $"({IntExpression(depth - 1)} - {IntExpression(depth - 1)})",
            2 => $"({Pick(SmallIntColumns)} * {Int(-3, 9)})",
            3 => $"({IntExpression(depth - 1)} % {Int(1, 9)})",
            4 => $"({IntExpression(depth - 1)} / {Pick(["3", "7", "nullif(len, 0)", "(flags - 16)"])})",
            5 => $"abs({IntExpression(depth - 1)})",
            6 => $"{Pick(["greatest", "least"])}({IntExpression(depth - 1)}, {IntExpression(depth - 1)})",
            7 => $"coalesce(nullif({Pick(SmallIntColumns)}, {Int(0, 3)}), {IntExpression(depth - 1)})",
            8 => $"CASE WHEN {BoolExpression(depth - 1)} THEN {IntExpression(depth - 1)} ELSE {IntExpression(depth - 1)} END",
            9 => $"length({TextExpression(depth - 1)})",
            _ => $"(-{IntExpression(depth - 1)})",
        };
    }

    private string RealExpression(int depth) => _random.Next(5) switch
    {
        0 => $"({IntExpression(depth)}::float8 / 4)",
        1 => $"round({IntExpression(depth)} / 3.0, {Int(0, 3)})",
        2 => $"sqrt(abs({IntExpression(depth)}))",
        3 => $"({IntExpression(depth)} * 1.5)",
        _ => $"extract(epoch from ts - timestamptz '2024-03-01 12:00:00+00')",
    };

    private string TextExpression(int depth)
    {
        if (depth <= 0 || _random.Next(3) == 0)
            return Pick(["src::text", "host(dst)", "'x'", "sport::text"]);
        return _random.Next(7) switch
        {
            0 => $"({TextExpression(depth - 1)} || '-' || {IntExpression(depth - 1)})",
            1 => $"upper({TextExpression(depth - 1)})",
            2 => $"substr({TextExpression(depth - 1)}, {Int(1, 4)}, {Int(0, 5)})",
            3 => $"CASE WHEN {BoolExpression(depth - 1)} THEN {TextExpression(depth - 1)} END",
            4 => $"concat({TextExpression(depth - 1)}, {IntExpression(depth - 1)}, NULL)",
            5 => $"replace({TextExpression(depth - 1)}, '.', '')",
            _ => $"to_char(ts, 'HH24:MI:SS.MS')",
        };
    }

    private string BoolExpression(int depth)
    {
        if (depth <= 0)
            return Compare(Pick(IntColumns), Pick(["<", ">", "=", "<>", "<=", ">="]), Int(0, 50000).ToString(CultureInfo.InvariantCulture));
        return _random.Next(10) switch
        {
            0 => $"({BoolExpression(depth - 1)} AND {BoolExpression(depth - 1)})",
            1 => $"({BoolExpression(depth - 1)} OR {BoolExpression(depth - 1)})",
            2 => $"NOT ({BoolExpression(depth - 1)})",
            3 => $"{IntExpression(depth - 1)} BETWEEN {Int(0, 30)} AND {Int(30, 2000)}",
            4 => $"{Pick(SmallIntColumns)} IN ({Int(0, 30)}, {Int(16, 30)}, 80, 443, NULL)",
            5 => $"src <<= inet '10.0.{Int(0, 2)}.0/24'",
            6 => $"({TextExpression(depth - 1)}) LIKE '{Pick(["10.%", "%1", "_0%", "%.2%"])}'",
            7 => $"(CASE WHEN len > 0 THEN NULL ELSE flags END) IS {Pick(["", "NOT "])}NULL",
            8 => $"{IntExpression(depth - 1)} IS DISTINCT FROM {Pick(["NULL", "16", "len"])}",
            _ => Compare(IntExpression(depth - 1), Pick(["<", ">", "=", "<>"]), IntExpression(depth - 1)),
        };
    }

    private static string Compare(string left, string op, string right) => $"{left} {op} {right}";

    private static string Typed(string expression) => expression == "'x'" ? "'x'::text" : expression;

    private int Int(int from, int to) => _random.Next(from, to + 1);

    private string Pick(string[] options) => options[_random.Next(options.Length)];
}
