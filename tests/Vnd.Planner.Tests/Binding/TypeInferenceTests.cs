using Vnd.Planner.Types;

namespace Vnd.Planner.Tests.Binding;

/// <summary>Result types follow PostgreSQL (checked against pg_typeof on PostgreSQL 15 for each case).</summary>
public sealed class TypeInferenceTests
{
    [Theory]
    [InlineData("select 1", "?column?:integer")]
    [InlineData("select 3000000000", "?column?:bigint")]
    [InlineData("select 1.5", "?column?:numeric")]
    [InlineData("select 'abc'", "?column?:text")]
    [InlineData("select 1 + 2::int8", "?column?:bigint")]
    [InlineData("select 1::int2 + 1::int2", "?column?:smallint")]
    [InlineData("select 1 + 1.5", "?column?:numeric")]
    [InlineData("select 1.5 + 2::float8", "?column?:double precision")]
    [InlineData("select 7 / 2", "?column?:integer")]
    [InlineData("select seq + payload_length from \"in\"", "?column?:bigint")]
    [InlineData("select ts - ts from \"in\"", "?column?:interval")]
    [InlineData("select ts + interval '1 second' from \"in\"", "?column?:timestamp with time zone")]
    [InlineData("select ts - '1 hour'::interval from \"in\"", "?column?:timestamp with time zone")]
    [InlineData("select src_ip << '10.0.0.0/8' from \"in\"", "?column?:boolean")]
    [InlineData("select src_ip <<= '10.0.0.0/8'::cidr, dst_ip >> src_ip, dst_ip >>= src_ip from \"in\"", "?column?:boolean, ?column?:boolean, ?column?:boolean")]
    [InlineData("select sum(src_port), sum(seq), avg(src_port), count(*), count(id) from \"in\"", "sum:bigint, sum:numeric, avg:numeric, count:bigint, count:bigint")]
    [InlineData("select sum(1.5), avg(1.5::float8), min(ts), max(src_ip) from \"in\"", "sum:numeric, avg:double precision, min:timestamp with time zone, max:inet")]
    [InlineData("select ceil(ts) as sec from \"in\"", "sec:double precision")]
    [InlineData("select ceil(1.5), ceil(2), round(2.5::float8)", "ceil:numeric, ceil:double precision, round:double precision")]
    [InlineData("select extract(epoch from ts), date_part('epoch', ts), date_trunc('second', ts) from \"in\"", "extract:numeric, date_part:double precision, date_trunc:timestamp with time zone")]
    [InlineData("select coalesce(src_port, 0), coalesce(null, 'x'), nullif(id, 0) from \"in\"", "coalesce:integer, coalesce:text, nullif:bigint")]
    [InlineData("select case when id > 0 then 1 else 2.5 end from \"in\"", "case:numeric")]
    [InlineData("select host(src_ip), masklen(src_ip), family(dst_ip) from \"in\"", "host:text, masklen:integer, family:integer")]
    [InlineData("select row_number() over (), lag(ts) over (order by ts), sum(payload_length) over (partition by src_ip) from \"in\"", "row_number:bigint, lag:timestamp with time zone, sum:bigint")]
    [InlineData("select percentile_cont(0.5) within group (order by payload_length) from \"in\"", "percentile_cont:double precision")]
    [InlineData("select string_agg(host(src_ip), ','), array_agg(id), bool_and(id > 0) from \"in\"", "string_agg:text, array_agg:bigint[], bool_and:boolean")]
    [InlineData("select 'a' || 1, 'x' like 'y', id::text from \"in\"", "?column?:text, ?column?:boolean, id:text")]
    [InlineData("select small + 1, small from tenant1.flows", "?column?:integer, small:smallint")]
    [InlineData("select id is distinct from 1, id between 1 and 2, case src_port when 80 then 'http' end from \"in\"", "?column?:boolean, ?column?:boolean, case:text")]
    [InlineData("select now() - ts, date_trunc('minute', ts) + interval '1 minute' from \"in\"", "?column?:interval, ?column?:timestamp with time zone")]
    [InlineData("select x from (values (1, 'a')) v(x, y)", "x:integer")]
    [InlineData("with w as (select src_port as p from \"in\") select p * 2 from w", "?column?:integer")]
    public void Result_types(string sql, string expected) => Assert.Equal(expected, BindingAssert.Types(sql));

    [Fact]
    public void Parameters_take_their_types_from_context()
    {
        var bound = BindingAssert.Bind("select id from \"in\" where src_ip = $1 and ts >= $2 and payload_length > $3 limit $4");
        Assert.Equal([SqlType.Inet, SqlType.TimestampTz, SqlType.Int4, SqlType.Int8], bound.ParameterTypes.AsSpan().ToArray());
    }

    [Fact]
    public void Declared_parameter_types_are_kept()
    {
        var statement = Vnd.Planner.Syntax.SqlParser.ParseStatement("select $1 + id from \"in\"");
        var bound = new Vnd.Planner.Binding.Binder(TraceCatalog.Create()).Bind(statement, [SqlType.Int8]);
        Assert.Equal([SqlType.Int8], bound.ParameterTypes.AsSpan().ToArray());
    }

    [Fact]
    public void Unknown_literal_takes_the_other_sides_type()
    {
        var plan = BindingAssert.Plan("select id from \"in\" where ts >= '2024-05-01 10:00:00+00' and src_port = '80'");
        Assert.Contains("(ts#1 >= '2024-05-01 10:00:00+00'::timestamptz)", plan, StringComparison.Ordinal);
        Assert.Contains("(src_port#5 = 80)", plan, StringComparison.Ordinal);
    }
}
