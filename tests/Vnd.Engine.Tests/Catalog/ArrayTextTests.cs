using Vnd.Planner.Errors;

namespace Vnd.Engine.Tests.Catalog;

/// <summary>
/// Arrays in their text form through a tenant's session: current_schemas, subscripts, array_upper/lower/length,
/// string_to_array, parse_ident and = ANY(array), with PostgreSQL's values (checked against PostgreSQL 15).
/// string_to_array and parse_ident are typed text[] as in PostgreSQL; their text forms are compared here.
/// </summary>
public sealed class ArrayTextTests : IDisposable
{
    private readonly TwoTenantStore _store = new();

    public void Dispose() => _store.Dispose();

    private object? Scalar(string sql) => _store.Session("acme").Run(sql).Rows.Single()[0];

    [Theory]
    [InlineData("SELECT current_schemas(true)", "{pg_catalog,acme}")]
    [InlineData("SELECT pg_catalog.current_schemas(false)", "{acme}")]
    [InlineData("SELECT current_schemas(NULL)", null)]
    [InlineData("SELECT (current_schemas(true))[1]", "pg_catalog")]
    [InlineData("SELECT (current_schemas(true))[2]", "acme")]
    [InlineData("SELECT (current_schemas(true))[3]", null)]
    [InlineData("SELECT (current_schemas(true))[0]", null)]
    [InlineData("SELECT ('{a,NULL,\"b,c\"}'::text)[2]", null)]
    [InlineData("SELECT ('{a,NULL,\"b,c\"}'::text)[3]", "b,c")]
    [InlineData("SELECT ('{\"x\\\"y\"}'::text)[1]", "x\"y")]
    [InlineData("SELECT array_upper(current_schemas(false), 1)", 1)]
    [InlineData("SELECT array_upper(current_schemas(true), 1)", 2)]
    [InlineData("SELECT array_upper(current_schemas(true), 2)", null)]
    [InlineData("SELECT array_lower(current_schemas(true), 1)", 1)]
    [InlineData("SELECT array_length('{a,b,c}', 1)", 3)]
    [InlineData("SELECT array_length('{}', 1)", null)]
    [InlineData("SELECT array_upper('{}', 1)", null)]
    [InlineData("SELECT array_lower('{}', 1)", null)]
    [InlineData("SELECT string_to_array('\"$user\", public', ',')::text", "{\"\\\"$user\\\"\",\" public\"}")]
    [InlineData("SELECT string_to_array('a,,NULL', ',')::text", "{a,\"\",\"NULL\"}")]
    [InlineData("SELECT string_to_array('', ',')::text", "{}")]
    [InlineData("SELECT string_to_array('abc', '')::text", "{abc}")]
    [InlineData("SELECT string_to_array('ab', NULL)::text", "{a,b}")]
    [InlineData("SELECT string_to_array(NULL, ',')", null)]
    [InlineData("SELECT trim((string_to_array('a, b', ','))[2])", "b")]
    [InlineData("SELECT parse_ident('Acme.Trace_A')::text", "{acme,trace_a}")]
    [InlineData("SELECT parse_ident('\"Acme\" . \"a\"\"b c\"')::text", "{Acme,\"a\\\"b c\"}")]
    [InlineData("SELECT (parse_ident('public.\"T\"'))[2]", "T")]
    [InlineData("SELECT replace((pg_catalog.current_schemas(true))[1], 'pg_', 'x_')", "x_catalog")]
    [InlineData("SELECT 'acme' = ANY (current_schemas(false))", true)]
    [InlineData("SELECT 'x' = ANY (current_schemas(false))", false)]
    [InlineData("SELECT 'x' = ANY ('{a,NULL}')", null)]
    [InlineData("SELECT 'a' = ANY ('{a,NULL}')", true)]
    [InlineData("SELECT 'x' = ANY ('{}')", false)]
    [InlineData("SELECT 'x' <> ALL ('{a,b}')", true)]
    [InlineData("SELECT 'a' <> ALL ('{a,b}')", false)]
    [InlineData("SELECT 2 = ANY ('{1,2}')", true)]
    [InlineData("SELECT 1 = ANY ('{ 01 ,+3}')", true)]
    [InlineData("SELECT 3::int8 = ANY ('{1,2}')", false)]
    [InlineData("SELECT 'pg_class'::regclass = ANY ('{1259}')", true)]
    [InlineData("SELECT NULL::int = ANY ('{1,2}')", null)]
    public void Array_value(string sql, object? expected) => Assert.Equal(expected, Scalar(sql));

    [Theory]
    [InlineData("SELECT parse_ident('a.')::text", "22023")]
    [InlineData("SELECT parse_ident('a b')::text", "22023")]
    [InlineData("SELECT parse_ident('\"unclosed')::text", "22023")]
    [InlineData("SELECT ('not an array'::text)[1]", "22P02")]
    [InlineData("SELECT 1 = ANY ('{a}')", "22P02")]
    public void Bad_input_is_a_clear_error(string sql, string state)
    {
        var error = Assert.ThrowsAny<SqlException>(() => _store.Session("acme").Run(sql));
        Assert.Equal(state, error.SqlState);
    }

    [Fact]
    public void Pgjdbc_get_schemas_runs_with_current_schemas_subscripts()
    {
        var result = ClientQueries.RunAll(_store.Session("acme"), "jdbc-get-schemas.sql");
        Assert.Equal(["acme", "information_schema", "pg_catalog"], ClientQueries.Column(result, 0));
    }
}
