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

    /// <summary>FigureColname's strengths: the outermost cast names a weak operand, a strong name survives casts.</summary>
    [Fact]
    public void Casts_name_a_column_only_when_nothing_stronger_does()
    {
        Assert.Equal("int8:bigint, id:text, text:text, a:text, text:text, timestamptz:timestamp with time zone",
            BindingAssert.Types("select '1'::int4::int8, id::text, (select 1)::text, (select 1 as a)::text, date '2020-01-01'::text, " +
                "timestamptz '2020-01-01 00:00+00' from \"in\""));
    }
}
