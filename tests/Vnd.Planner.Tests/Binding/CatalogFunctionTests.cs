using Vnd.Planner.Binding;
using Vnd.Planner.Catalog;
using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax;
using Vnd.Planner.Types;

namespace Vnd.Planner.Tests.Binding;

/// <summary>
/// Catalog-supplied functions (FunctionSignature.Expand) as the system catalog uses them: folded at bind time,
/// reached through special syntax (current_user) and through reg* casts of text ('pg_class'::regclass).
/// </summary>
public sealed class CatalogFunctionTests
{
    private static InMemoryCatalog Catalog()
    {
        var catalog = TraceCatalog.Create();
        catalog.AddFunction(new FunctionSignature("current_user", FunctionKind.Scalar, [], SqlType.Text)
        {
            Expand = _ => new BoundLiteral("alice", SqlType.Text),
        });
        catalog.AddFunction(new FunctionSignature("regclass", FunctionKind.Scalar, [SqlType.Text], SqlType.Oid)
        {
            Expand = a => a[0] is BoundLiteral { Value: "pg_class" } ? new BoundLiteral(1259, SqlType.Oid)
                : throw new SqlException(SqlState.UndefinedTable, "relation does not exist"),
        });
        catalog.AddFunction(new FunctionSignature("twice", FunctionKind.Scalar, [SqlType.Int8], SqlType.Int8)
        {
            Expand = a => BoundCall.Operator("+", SqlType.Int8, a[0], a[0]),
        });
        return catalog;
    }

    private static BoundExpr FirstItem(string sql)
    {
        var plan = new Binder(Catalog()).Bind(SqlParser.ParseStatement(sql)).Plan;
        while (plan is not Project)
            plan = plan.Inputs[0];
        return ((Project)plan).Items[0].Expr;
    }

    [Fact]
    public void Special_syntax_reaches_the_catalogs_function() =>
        Assert.Equal(new BoundLiteral("alice", SqlType.Text), FirstItem("select current_user"));

    [Fact]
    public void A_pg_catalog_qualified_call_expands_with_coerced_arguments()
    {
        var expr = Assert.IsType<BoundCall>(FirstItem("select pg_catalog.twice(id) from \"in\""));
        Assert.Equal("+", expr.Name);
        Assert.All(expr.Arguments, a => Assert.Equal(TypeId.Int8, a.Type.Id));
    }

    [Fact]
    public void A_regclass_cast_of_text_is_a_catalog_lookup()
    {
        Assert.Equal(new BoundLiteral(1259, SqlType.Oid), FirstItem("select 'pg_class'::pg_catalog.regclass"));
        Assert.Equal("42P01", Assert.Throws<SqlException>(() => FirstItem("select 'nosuch'::regclass")).SqlState);
    }

    [Fact]
    public void A_regclass_cast_of_digits_without_a_catalog_function_is_an_oid()
    {
        var expr = new Binder(TraceCatalog.Create()).Bind(SqlParser.ParseStatement("select '1259'::regclass")).Columns[0];
        Assert.Equal(TypeId.Oid, expr.Type.Id);
    }

    [Theory]
    [InlineData("select 1::\"char\"", "text")]
    [InlineData("select 'x'::pg_catalog.name", "text")]
    [InlineData("select '11'::regnamespace", "oid")]
    [InlineData("select id = 5::oid from \"in\"", "boolean")]
    public void Catalog_type_names_resolve(string sql, string type) =>
        Assert.Equal(type, new Binder(TraceCatalog.Create()).Bind(SqlParser.ParseStatement(sql)).Columns[0].Type.PgName);

    [Fact]
    public void Array_subquery_is_an_array_of_its_column_type()
    {
        var expr = Assert.IsType<BoundSubquery>(FirstItem("select array(select id from \"in\")"));
        Assert.Equal((SubqueryKind.Array, SqlType.ArrayOf(SqlType.Int8)), (expr.Kind, expr.Type));
        Assert.Equal("42601", Assert.Throws<SqlException>(() => FirstItem("select array(select id, ts from \"in\")")).SqlState);
    }

    [Theory]
    [InlineData("select array[[1, 2], [3, 4]]")]
    [InlineData("select array[array[1], array[2]]")]
    [InlineData("select array(select array[id] from \"in\")")]
    public void Multidimensional_arrays_are_not_supported(string sql) =>
        Assert.Equal("0A000", Assert.Throws<SqlException>(() => FirstItem(sql)).SqlState);

    [Theory]
    [InlineData("select array[1, 2]", "integer[]")]
    [InlineData("select array['a', null]", "text[]")]
    [InlineData("select (array[1.5::float8])[1]", "double precision")]
    [InlineData("select '{1,2}'::int8[]", "bigint[]")]
    [InlineData("select array[1]::text[]", "text[]")]
    [InlineData("select array[1] || 2::int8", "bigint[]")]
    public void Array_expressions_are_typed_by_element(string sql, string type) =>
        Assert.Equal(type, FirstItem(sql).Type.PgName);

    [Fact]
    public void Integers_cast_implicitly_to_oid_but_not_back() =>
        Assert.True(TypeRules.CanImplicitlyCast(SqlType.Int4, SqlType.Oid) && !TypeRules.CanImplicitlyCast(SqlType.Oid, SqlType.Int4));
}
