using Vnd.Planner.Binding;
using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax;
using Vnd.Planner.Types;

namespace Vnd.Planner.Tests.Binding;

/// <summary>Arrays in their text form: a[n] and x = ANY(a) bind to the executor's text-array calls, with PostgreSQL's errors.</summary>
public sealed class ArrayTextBindingTests
{
    private static BoundExpr FirstItem(string sql)
    {
        var plan = new Binder(TraceCatalog.Create()).Bind(SqlParser.ParseStatement(sql)).Plan;
        while (plan is not Project)
            plan = plan.Inputs[0];
        return ((Project)plan).Items[0].Expr;
    }

    private static SqlException Fails(string sql) =>
        Assert.ThrowsAny<SqlException>(() => new Binder(TraceCatalog.Create()).Bind(SqlParser.ParseStatement(sql)));

    [Fact]
    public void A_subscript_reads_a_text_array_with_an_int4_index()
    {
        // string_to_array is text[] as in PostgreSQL, so its subscript is the typed array's element.
        var call = Assert.IsType<BoundCall>(FirstItem("select (string_to_array(name, ','))[small] from tenant1.flows"));
        Assert.Equal("array_element", call.Name);
        Assert.Equal(SqlType.Text, call.Type);
        Assert.Equal("string_to_array", Assert.IsType<BoundCall>(call.Arguments[0]).Name);
        Assert.Equal(SqlType.Int4, call.Arguments[1].Type);
    }

    [Fact]
    public void An_untyped_literal_is_taken_as_an_array_text() =>
        Assert.Equal(SqlType.Text, Assert.IsType<BoundCall>(FirstItem("select name = any ('{a,b}') from tenant1.flows")).Arguments[1].Type);

    [Fact]
    public void All_with_not_equal_is_the_negated_any()
    {
        var not = Assert.IsType<BoundCall>(FirstItem("select id <> all ('{1,2}') from tenant1.flows"));
        Assert.Equal("NOT", not.Name);
        var any = Assert.IsType<BoundCall>(not.Arguments[0]);
        Assert.Equal("array_any_equals", any.Name);
        Assert.Equal(SqlType.Int8, any.Arguments[0].Type);
    }

    [Fact]
    public void An_untyped_parameter_compared_with_any_is_text()
    {
        var bound = new Binder(TraceCatalog.Create()).Bind(SqlParser.ParseStatement("select $1 = any (string_to_array(name, ',')) from tenant1.flows"));
        Assert.Equal(SqlType.Text, bound.ParameterTypes[0]);
    }

    [Theory]
    [InlineData("select array_upper('{a}', 1), array_lower('{a}', 1), array_length('{a}', 1)", TypeId.Int4)]
    [InlineData("select parse_ident('a.b')", TypeId.Array)]
    [InlineData("select string_to_array('a,b', ',')", TypeId.Array)]
    [InlineData("select regexp_split_to_array('a b', ' ')", TypeId.Array)]
    public void Array_functions_have_postgres_result_types(string sql, TypeId type) => Assert.Equal(type, FirstItem(sql).Type.Id);

    [Theory]
    [InlineData("select (src_ip)[1] from \"in\"", "42804", "cannot subscript type inet because it does not support subscripting")]
    [InlineData("select ('{a}'::text)[1:2]", "0A000", "array slices is not supported")]
    [InlineData("select ('{a}'::text)['x'::inet]", "42804", "array subscript must have type integer")]
    [InlineData("select id = any (src_ip) from \"in\"", "42804", "op ANY/ALL (array) requires array on right side, not inet")]
    [InlineData("select ts = any ('{a}') from \"in\"", "0A000", "= ANY over an array of timestamp with time zone is not supported")]
    [InlineData("select id < any (string_to_array('1,2', ',')) from \"in\"", "42883", "operator does not exist: bigint < text")]
    [InlineData("select id < any (1) from \"in\"", "42809", "op ANY/ALL (array) requires array on right side")]
    [InlineData("select id = any (string_to_array('1,2', ',')) from \"in\"", "42883", "operator does not exist: bigint = text")]
    public void Misuse_is_an_error(string sql, string state, string message)
    {
        var error = Fails(sql);
        Assert.Equal(state, error.SqlState);
        Assert.Equal(message, error.Message);
    }
}
