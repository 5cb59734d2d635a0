using Vnd.Planner.Binding;
using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax;
using Vnd.Planner.Types;

namespace Vnd.Planner.Tests.Binding;

/// <summary>Functions in FROM: generate_series as a <see cref="SeriesScan"/> with PostgreSQL's int4/int8 overloads, others as one row.</summary>
public sealed class FunctionTableBindingTests
{
    private static LogicalPlan Bind(string sql) => new Binder(TraceCatalog.Create()).Bind(SqlParser.ParseStatement(sql)).Plan;

    private static T Find<T>(LogicalPlan plan) where T : LogicalPlan
    {
        T? found = null;
        PlanWalk.Visit(plan, node => found ??= node as T);
        return found ?? throw new Xunit.Sdk.XunitException($"no {typeof(T).Name} in\n{plan}");
    }

    [Theory]
    [InlineData("select * from generate_series(1, 3)", TypeId.Int4, "generate_series")]
    [InlineData("select * from pg_catalog.generate_series(1::int2, 3::int2) as i", TypeId.Int4, "i")]
    [InlineData("select * from generate_series(1, 3000000000) as s(r)", TypeId.Int8, "r")]
    [InlineData("select * from generate_series(1, id) s(r), tenant1.flows", TypeId.Int4, "r")]
    [InlineData("select * from lateral generate_series(1, 2) s(r)", TypeId.Int4, "r")]
    public void Generate_series_binds_to_a_series_scan(string sql, TypeId type, string column)
    {
        if (sql.Contains("flows", StringComparison.Ordinal))
        {
            // A FROM sibling's column is not visible to the call (no LATERAL), as in PostgreSQL.
            Assert.Equal("42703", Assert.ThrowsAny<SqlException>(() => Bind(sql)).SqlState);
            return;
        }
        var plan = Bind(sql);
        var series = Find<SeriesScan>(plan);
        Assert.Equal(type, series.Column.Type.Id);
        Assert.All(series.Arguments, a => Assert.Equal(type, a.Type.Id));
        Assert.Equal(column, plan.Output.Single().Name);
    }

    [Fact]
    public void The_step_defaults_to_one_of_the_series_type() =>
        Assert.Equal(new BoundLiteral(1L, SqlType.Int8), Find<SeriesScan>(Bind("select * from generate_series(1::int8, 2)")).Step);

    [Fact]
    public void A_scalar_function_in_from_is_a_one_row_relation()
    {
        var plan = Bind("select s from upper('a') s");
        var values = Find<Values>(plan);
        Assert.Single(values.Rows);
        Assert.Equal(SqlType.Text, values.Columns.Single().Type);
    }

    /// <summary>In a subquery the call may read the enclosing query's row: it runs once per outer value.</summary>
    [Fact]
    public void A_correlated_call_reads_the_outer_column()
    {
        var project = Find<Project>(Bind("select (select count(*) from generate_series(1, f.id)) from tenant1.flows f"));
        var subquery = Assert.IsType<BoundSubquery>(project.Items.Single().Expr);
        Assert.Equal("id", Assert.IsType<BoundColumn>(Find<SeriesScan>(subquery.Plan).Stop).Name);
    }

    [Fact]
    public void Unnest_after_a_from_item_reading_it_expands_its_rows()
    {
        var plan = Bind("select f.id, x from tenant1.flows f, unnest(string_to_array(f.name, '.')) x");
        var expand = Find<ArrayExpand>(plan);
        Assert.Equal(["id", "x"], plan.Output.Select(c => c.Name));
        Assert.Equal(SqlType.Text, plan.Output[1].Type);
        Assert.Contains(expand.Input.Output, c => c.Name == "id");
    }

    [Theory]
    [InlineData("select * from generate_series(1.5::float8, 2)", "0A000", "generate_series over double precision, integer is not supported")]
    [InlineData("select * from generate_series(now(), now())", "0A000", "generate_series over timestamp with time zone without an interval step is not supported")]
    [InlineData("select * from generate_series(1)", "0A000", "this form of generate_series is not supported")]
    [InlineData("select * from sum(1)", "42803", "aggregate functions are not allowed in functions in FROM")]
    public void Unsupported_forms_are_errors(string sql, string state, string message)
    {
        var error = Assert.ThrowsAny<SqlException>(() => Bind(sql));
        Assert.Equal(state, error.SqlState);
        Assert.Equal(message, error.Message);
    }
}
