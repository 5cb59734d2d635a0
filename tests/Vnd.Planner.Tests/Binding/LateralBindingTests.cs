using Vnd.Planner.Logical;

namespace Vnd.Planner.Tests.Binding;

/// <summary>LATERAL items: a <see cref="LateralJoin"/> when they read an earlier FROM item, an ordinary join when not.</summary>
public sealed class LateralBindingTests
{
    private static LogicalPlan Bind(string sql) => BindingAssert.Bind(sql).Plan;

    private static List<T> All<T>(LogicalPlan plan) where T : LogicalPlan =>
        plan is T node ? [node, .. plan.Inputs.SelectMany(All<T>)] : [.. plan.Inputs.SelectMany(All<T>)];

    [Fact]
    public void A_derived_table_reading_an_earlier_item_is_a_lateral_join()
    {
        var plan = Bind("select f.id, s.x from tenant1.flows f, lateral (select i.id as x from \"in\" i where i.id = f.id order by i.ts desc limit 3) s");
        var lateral = Assert.Single(All<LateralJoin>(plan));
        Assert.False(lateral.Outer);
        Assert.Equal(SubqueryKind.Lateral, lateral.Subquery.Kind);
        var flowId = lateral.Input.Output.Single(c => c.Name == "id");
        Assert.Equal([flowId.Id], PlanWalk.OuterReferences(lateral.Subquery.Plan));
        Assert.Equal(["id", "x"], plan.Output.Select(c => c.Name));
        Assert.Empty(PlanWalk.OuterReferences(plan));
    }

    [Fact]
    public void Lateral_without_a_reference_is_an_ordinary_cross_join()
    {
        var plan = Bind("select * from tenant1.flows f, lateral (select 1 as one) s");
        Assert.Empty(All<LateralJoin>(plan));
        Assert.Equal(JoinType.Cross, Assert.Single(All<Join>(plan)).Type);
    }

    [Fact]
    public void Left_join_lateral_filters_the_subquery_with_its_condition()
    {
        var plan = Bind("select * from tenant1.flows f left join lateral (select i.id from \"in\" i where i.dst_port = f.small) s on s.id > f.id");
        var lateral = Assert.Single(All<LateralJoin>(plan));
        Assert.True(lateral.Outer);
        var filter = Assert.IsType<Filter>(lateral.Subquery.Plan);
        Assert.Contains("> ", filter.Predicate.ToString(), StringComparison.Ordinal);
        Assert.Empty(All<Join>(plan));
    }

    [Fact]
    public void A_function_reading_an_earlier_item_is_lateral_without_the_keyword()
    {
        var plan = Bind("select f.id, g from tenant1.flows f join generate_series(1, f.small) g on true");
        var lateral = Assert.Single(All<LateralJoin>(plan));
        Assert.IsType<SeriesScan>(lateral.Subquery.Plan);
        Assert.Equal(["id", "g"], plan.Output.Select(c => c.Name));
    }

    [Fact]
    public void A_join_lateral_using_compares_in_the_subquery()
    {
        var plan = Bind("select * from tenant1.flows f join lateral (select f.id, i.ts from \"in\" i where i.src_port = f.small) s using (id)");
        var lateral = Assert.Single(All<LateralJoin>(plan));
        Assert.Contains("=", Assert.IsType<Filter>(lateral.Subquery.Plan).Predicate.ToString(), StringComparison.Ordinal);
    }
}
