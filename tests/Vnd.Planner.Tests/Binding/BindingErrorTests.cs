namespace Vnd.Planner.Tests.Binding;

/// <summary>Every binder error: SQLSTATE, PostgreSQL's wording, and the position of the offending token.</summary>
public sealed class BindingErrorTests
{
    [Theory]
    [InlineData("select * from nosuch", "42P01", "relation \"nosuch\" does not exist", "nosuch")]
    [InlineData("select * from public.nosuch", "42P01", "relation \"public.nosuch\" does not exist", "public.nosuch")]
    [InlineData("select * from flows", "42P01", "relation \"flows\" does not exist", "flows")]
    [InlineData("select * from nope.t", "42P01", "relation \"nope.t\" does not exist", "nope.t")]
    [InlineData("select nosuch from \"in\"", "42703", "column \"nosuch\" does not exist", "nosuch")]
    [InlineData("select i.nosuch from \"in\" i", "42703", "column i.nosuch does not exist", "i.nosuch")]
    [InlineData("select x.id from \"in\" i", "42P01", "missing FROM-clause entry for table \"x\"", "x.id")]
    [InlineData("select id from \"in\", out", "42702", "column reference \"id\" is ambiguous", "id from")]
    [InlineData("select ceil(src_ip) from \"in\"", "42883", "function ceil(inet) does not exist", "ceil(")]
    [InlineData("select nosuch(1)", "42883", "function nosuch(integer) does not exist", "nosuch(")]
    [InlineData("select src_ip * 2 from \"in\"", "42883", "operator does not exist: inet * integer", "* 2")]
    [InlineData("select id from \"in\" where id", "42804", "argument of WHERE must be type boolean, not type bigint", "id\r")]
    [InlineData("select id from \"in\" where src_port + 1", "42804", "argument of WHERE must be type boolean, not type integer", "+ 1")]
    [InlineData("select id from \"in\" i join out o on i.id", "42804", "argument of JOIN/ON must be type boolean, not type bigint", "i.id\r")]
    [InlineData("select id from \"in\" group by id having sum(seq)", "42804", "argument of HAVING must be type boolean, not type numeric", "sum(")]
    [InlineData("select case when 1 then 2 end", "42804", "argument of CASE/WHEN must be type boolean, not type integer", "1 then")]
    [InlineData("select 1 union select 'a'::inet", "42804", "UNION types integer and inet cannot be matched", "select 'a'")]
    [InlineData("select src_ip, count(*) from \"in\"", "42803", "column \"in.src_ip\" must appear in the GROUP BY clause or be used in an aggregate function", "src_ip,")]
    [InlineData("select i.src_ip, i.dst_ip from \"in\" i group by i.src_ip", "42803", "column \"i.dst_ip\" must appear in the GROUP BY clause or be used in an aggregate function", "i.dst_ip")]
    [InlineData("select * from \"in\" group by id", "42803", "column \"in.ts\" must appear in the GROUP BY clause or be used in an aggregate function", "*")]
    [InlineData("select id from \"in\" where count(*) > 1", "42803", "aggregate functions are not allowed in WHERE", "count")]
    [InlineData("select sum(count(*)) from \"in\"", "42803", "aggregate function calls cannot be nested", "count")]
    [InlineData("select id from \"in\" group by sum(seq)", "42803", "aggregate functions are not allowed in GROUP BY", "sum")]
    [InlineData("select id from \"in\" where row_number() over () > 1", "42P20", "window functions are not allowed in WHERE", "row_number")]
    [InlineData("select id from \"in\" order by 5", "42P10", "ORDER BY position 5 is not in select list", "5")]
    [InlineData("select id from \"in\" group by 3", "42P10", "GROUP BY position 3 is not in select list", "3")]
    [InlineData("select distinct id from \"in\" order by ts", "42P10", "for SELECT DISTINCT, ORDER BY expressions must appear in select list", "ts")]
    [InlineData("select 1 union select 1, 2", "42601", "each UNION query must have the same number of columns", "select 1, 2")]
    [InlineData("select id from \"in\" where id in (select id, ts from out)", "42601", "subquery has too many columns", "in (")]
    [InlineData("select cast(src_ip as int4) from \"in\"", "42846", "cannot cast type inet to integer", "cast")]
    [InlineData("select 'abc'::int4", "22P02", "invalid input syntax for type integer: \"abc\"", "'abc'")]
    [InlineData("select coalesce(src_ip, 1) from \"in\"", "42804", "COALESCE types inet and integer cannot be matched", "coalesce")]
    [InlineData("select greatest(1, 'a'::text)", "42804", "GREATEST types integer and text cannot be matched", "greatest")]
    [InlineData("select 1::nosuchtype", "42704", "type \"nosuchtype\" does not exist", "nosuchtype")]
    [InlineData("select $1", "42P18", "could not determine data type of parameter $1", null)]
    [InlineData("select * from loop", "42P17", "infinite recursion detected in rules for relation \"loop\"", null)]
    [InlineData("with recursive t as (select 1) select * from t", "0A000", "WITH RECURSIVE is not supported", "with")]
    [InlineData("select (1, 2) = (1, 2, 3)", "42601", "unequal number of entries in row expressions", null)]
    [InlineData("select (1, 2) < 1", "42883", "operator does not exist: record < integer", null)]
    [InlineData("select * from \"in\" for update", "0A000", "FOR UPDATE is not supported", null)]
    [InlineData("select 1 similar to '1'", "42883", "operator does not exist: integer ~ text", null)]
    [InlineData("select 1 from \"in\" where generate_series(1, 2) > 1", "0A000", "set-returning functions are not allowed in WHERE", "generate_series")]
    [InlineData("select 1 from \"in\" having unnest(array[1]) > 1", "0A000", "set-returning functions are not allowed in HAVING", "unnest")]
    [InlineData("select * from \"in\" i join out o on generate_series(1, 2) = i.id", "0A000", "set-returning functions are not allowed in JOIN conditions", "generate_series")]
    [InlineData("select case when id > 1 then generate_series(1, 2) end from \"in\"", "0A000", "set-returning functions are not allowed in CASE", "generate_series")]
    [InlineData("select coalesce(1, generate_series(1, 2))", "0A000", "set-returning functions are not allowed in COALESCE", "generate_series")]
    [InlineData("select sum(generate_series(1, 2))", "0A000", "aggregate function calls cannot contain set-returning function calls", "generate_series")]
    [InlineData("select * from generate_series(1, generate_series(1, 2))", "0A000", "set-returning functions must appear at top level of FROM", "generate_series(1, 2)")]
    [InlineData("select generate_series(1, 2) filter (where true)", "42809", "FILTER specified, but generate_series is not an aggregate function", "generate_series")]
    [InlineData("select id from \"in\" limit id", "42P10", "argument of LIMIT must not contain variables", "id\r")]
    [InlineData("select * from \"in\" i, out i", "42712", "table name \"i\" specified more than once", null)]
    [InlineData("select id from \"in\" i join out o using (nosuch)", "42703", "column \"nosuch\" specified in USING clause does not exist in left table", null)]
    [InlineData("select id from \"in\" where id like 'a%'", "42883", "operator does not exist: bigint ~~ text", "like")]
    [InlineData("select i.id, (select count(*) from out o where o.id = i.dst_port) from \"in\" i group by i.id", "42803", "column \"i.dst_port\" must appear in the GROUP BY clause or be used in an aggregate function", "i.dst_port")]
    [InlineData("select distinct on (src_ip) src_ip, ts from \"in\" order by ts", "42P10", "SELECT DISTINCT ON expressions must match initial ORDER BY expressions", "src_ip)")]
    [InlineData("values (1), (1, 2)", "42601", "VALUES lists must all be the same length", "values")]
    [InlineData("select count(*) over w from \"in\"", "42704", "window \"w\" does not exist", "count")]
    [InlineData("select row_number() from \"in\"", "42601", "window function row_number requires an OVER clause", "row_number")]
    [InlineData("select abs(1) filter (where true)", "42809", "FILTER specified, but abs is not an aggregate function", "abs")]
    [InlineData("select sum(*) from \"in\"", "42809", "sum(*) specified, but sum is not a parameterless aggregate function", "sum")]
    [InlineData("select * from \"in\" i right join lateral (select i.id) s on true", "42P10", "invalid reference to FROM-clause entry for table \"i\"", "i.id")]
    [InlineData("select * from \"in\" full join lateral generate_series(1, \"in\".dst_port) g on true", "42P10", "invalid reference to FROM-clause entry for table \"in\"", "\"in\".dst_port")]
    [InlineData("select id from \"in\" order by id using =", "42809", "operator = is not a valid ordering operator", "=")]
    [InlineData("select id from \"in\" order by id using >=", "42809", "operator >= is not a valid ordering operator", ">=")]
    [InlineData("select id from \"in\" order by id using operator(pg_catalog.<=)", "42809", "operator <= is not a valid ordering operator", "operator")]
    [InlineData("select id from \"in\" order by id using @>", "42883", "operator does not exist: bigint @> bigint", "@>")]
    public void Fails(string sql, string state, string message, string? at)
    {
        // Positions: "at" names the text the error points to; \r stands for "the last occurrence".
        if (at is not null && at.EndsWith('\r'))
        {
            var token = at.TrimEnd('\r');
            var error = Assert.ThrowsAny<Vnd.Planner.Errors.SqlException>(() => BindingAssert.Bind(sql));
            Assert.Equal((state, message), (error.SqlState, error.Message));
            Assert.Equal(sql.LastIndexOf(token, StringComparison.Ordinal) + 1, error.Position);
            return;
        }
        BindingAssert.Fails(sql, state, message, at);
    }
}
