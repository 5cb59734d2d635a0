namespace Vnd.Planner.Tests.Binding;

/// <summary>The binder's plan for each construct, compared with reviewed EXPLAIN text in binding-plans.txt.</summary>
public sealed class BoundPlanTests
{
    public static TheoryData<string, string> Cases => GoldenPlans.Load("Binding/binding-plans.txt");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Binds(string sql, string expected) => Assert.Equal(expected, BindingAssert.Plan(sql));

    [Fact]
    public void Search_path_finds_tables_in_later_schemas()
    {
        var catalog = TraceCatalog.Create();
        catalog.SearchPath = ["public", "tenant1"];
        var plan = new Vnd.Planner.Binding.Binder(catalog).Bind("select name from flows").Plan.ToString();
        Assert.Contains("Scan: tenant1.flows", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_identifiers_keep_their_case()
    {
        var error = Assert.ThrowsAny<Vnd.Planner.Errors.SqlException>(() => BindingAssert.Bind("select \"ID\" from \"in\""));
        Assert.Equal("column \"ID\" does not exist", error.Message);
        Assert.Contains("id#", BindingAssert.Plan("select ID from \"in\""), StringComparison.Ordinal);
    }

    [Fact]
    public void Output_columns_are_named_as_postgresql_names_them()
    {
        Assert.Equal("id:bigint, total:bigint, ?column?:integer, case:integer, exists:boolean",
            BindingAssert.Types("select id, sum(payload_length) as total, 1 + 1, case when true then 1 end, exists(select 1) from \"in\" group by id"));
    }
}
