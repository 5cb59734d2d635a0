using Vnd.Planner.Syntax;
using Vnd.Planner.Syntax.Formatting;

namespace Vnd.Planner.Tests.Syntax;

/// <summary>Function calls with aggregate/window decorations, special forms, casts and type names.</summary>
public class FunctionAndFormTests
{
    private static string Format(string sql) => SqlFormatter.Format(SqlParser.ParseExpression(sql));

    [Theory]
    [InlineData("count(*)", "count(*)")]
    [InlineData("COUNT(DISTINCT x)", "count(DISTINCT x)")]
    [InlineData("count(ALL x)", "count(x)")]
    [InlineData("now()", "now()")]
    [InlineData("pg_catalog.format_type(a.atttypid, a.atttypmod)", "pg_catalog.format_type(a.atttypid, a.atttypmod)")]
    [InlineData("string_agg(x, ',' ORDER BY y DESC NULLS LAST)", "string_agg(x, ',' ORDER BY y DESC NULLS LAST)")]
    [InlineData("sum(x) FILTER (WHERE y > 0)", "sum(x) FILTER (WHERE (y > 0))")]
    [InlineData("percentile_cont(0.5) WITHIN GROUP (ORDER BY rtt)", "percentile_cont(0.5) WITHIN GROUP (ORDER BY rtt)")]
    [InlineData("row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum)", "row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum)")]
    [InlineData("sum(x) OVER w", "sum(x) OVER w")]
    [InlineData("sum(x) OVER (w ORDER BY y)", "sum(x) OVER (w ORDER BY y)")]
    [InlineData("sum(x) OVER (ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)", "sum(x) OVER (ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)")]
    [InlineData("avg(x) OVER (ORDER BY ts RANGE BETWEEN interval '1 s' PRECEDING AND 2 FOLLOWING)", "avg(x) OVER (ORDER BY ts RANGE BETWEEN interval '1 s' PRECEDING AND 2 FOLLOWING)")]
    [InlineData("first_value(x) OVER (GROUPS 2 PRECEDING)", "first_value(x) OVER (GROUPS 2 PRECEDING)")]
    [InlineData("max(x) OVER (ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)", "max(x) OVER (ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)")]
    [InlineData("left(s, 2)", "\"left\"(s, 2)")]
    [InlineData("coalesce(a, b)", "coalesce(a, b)")]
    [InlineData("count(*) OVER ()", "count(*) OVER ()")]
    [InlineData("rank() OVER (PARTITION BY a, b)", "rank() OVER (PARTITION BY a, b)")]
    [InlineData("greatest(a, b) + least(c, d)", "(greatest(a, b) + least(c, d))")]
    [InlineData("nullif(x, '') IS NULL", "(nullif(x, '') IS NULL)")]
    public void Calls(string sql, string expected) => Assert.Equal(expected, Format(sql));

    [Theory]
    [InlineData("EXTRACT(epoch FROM ts)", "EXTRACT(epoch FROM ts)")]
    [InlineData("extract(YEAR from ts)", "EXTRACT(year FROM ts)")]
    [InlineData("POSITION('a' IN s)", "POSITION('a' IN s)")]
    [InlineData("SUBSTRING(s FROM 2 FOR 3)", "substring(s, 2, 3)")]
    [InlineData("substring(s FROM 2)", "substring(s, 2)")]
    [InlineData("substring(s FOR 3)", "substring(s, 1, 3)")]
    [InlineData("substring(s, 1, 7)", "substring(s, 1, 7)")]
    [InlineData("TRIM(s)", "btrim(s)")]
    [InlineData("trim(BOTH 'x' FROM s)", "btrim(s, 'x')")]
    [InlineData("trim(LEADING FROM s)", "ltrim(s)")]
    [InlineData("trim(TRAILING 'x' FROM s)", "rtrim(s, 'x')")]
    [InlineData("OVERLAY(s PLACING 'ab' FROM 2 FOR 3)", "OVERLAY(s PLACING 'ab' FROM 2 FOR 3)")]
    [InlineData("position", "position")]
    public void SpecialForms(string sql, string expected) => Assert.Equal(expected, Format(sql));

    [Theory]
    [InlineData("CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END", "CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END")]
    [InlineData("CASE c.relkind WHEN 'r' THEN 'table' END", "CASE c.relkind WHEN 'r' THEN 'table' END")]
    [InlineData("CAST(x AS double precision)", "CAST(x AS float8)")]
    [InlineData("x::timestamp with time zone", "(x::timestamptz)")]
    [InlineData("x::time without time zone", "(x::time)")]
    [InlineData("x::character varying(10)", "(x::varchar(10))")]
    [InlineData("x::varchar", "(x::varchar)")]
    [InlineData("x::char(3)", "(x::bpchar(3))")]
    [InlineData("x::numeric(10,2)", "(x::numeric(10, 2))")]
    [InlineData("x::int[]", "(x::int4[])")]
    [InlineData("x::int2[][]", "(x::int2[][])")]
    [InlineData("x::integer", "(x::int4)")]
    [InlineData("x::bigint::smallint", "((x::int8)::int2)")]
    [InlineData("x::real + y::float", "((x::float4) + (y::float8))")]
    [InlineData("x::float(10)", "(x::float4)")]
    [InlineData("x::boolean", "(x::bool)")]
    [InlineData("x::pg_catalog.int4", "(x::pg_catalog.int4)")]
    [InlineData("'pg_class'::regclass", "('pg_class'::regclass)")]
    [InlineData("c.reloftype::pg_catalog.regtype::pg_catalog.text", "((c.reloftype::pg_catalog.regtype)::pg_catalog.text)")]
    [InlineData("x::\"MyType\"", "(x::\"MyType\")")]
    [InlineData("x::bit varying(4)", "(x::varbit(4))")]
    public void CaseAndCasts(string sql, string expected) => Assert.Equal(expected, Format(sql));

    [Theory]
    [InlineData("ARRAY[1, 2]", "ARRAY[1, 2]")]
    [InlineData("ARRAY[[1, 2], [3, 4]]", "ARRAY[ARRAY[1, 2], ARRAY[3, 4]]")]
    [InlineData("ARRAY[]::int[]", "(ARRAY[]::int4[])")]
    [InlineData("ARRAY(SELECT b.rolname FROM pg_roles b)", "ARRAY(SELECT b.rolname FROM pg_roles AS b)")]
    [InlineData("EXISTS (SELECT 1)", "EXISTS (SELECT 1)")]
    [InlineData("(SELECT max(x) FROM t)", "(SELECT max(x) FROM t)")]
    [InlineData("(a, b)", "ROW(a, b)")]
    [InlineData("ROW(1, 'x')", "ROW(1, 'x')")]
    [InlineData("ROW()", "ROW()")]
    [InlineData("(i.keys).x", "((i.keys).x)")]
    [InlineData("(information_schema._pg_expandarray(i.indkey)).n", "((information_schema._pg_expandarray(i.indkey)).n)")]
    [InlineData("s[i]", "(s[i])")]
    [InlineData("(a + b) * c", "((a + b) * c)")]
    [InlineData("((((1))))", "1")]
    [InlineData("x IN (SELECT id FROM t)", "(x IN (SELECT id FROM t))")]
    [InlineData("x NOT IN (SELECT id FROM t)", "(x NOT IN (SELECT id FROM t))")]
    [InlineData("x = ANY('{1,2}'::int[])", "(x = ANY(('{1,2}'::int4[])))")]
    public void ArraysRowsAndSubqueries(string sql, string expected) => Assert.Equal(expected, Format(sql));
}
