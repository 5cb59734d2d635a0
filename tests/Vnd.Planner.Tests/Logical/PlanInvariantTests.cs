using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Rules;
using Vnd.Planner.Tests.Binding;
using Vnd.Planner.Types;

namespace Vnd.Planner.Tests.Logical;

public sealed class PlanInvariantTests
{
    [Fact]
    public void A_reference_to_a_column_no_input_produces_is_reported()
    {
        var plan = (Project)BindingAssert.Bind("select id from \"in\"").Plan;
        var broken = plan with { Items = [new ProjectItem(new PlanColumn(new ColumnId(99), "x", SqlType.Int8), new BoundColumn(new ColumnId(42), "ghost", SqlType.Int8))] };
        var error = Assert.Throws<SqlException>(() => PlanInvariants.Check(broken, "test_rule"));
        Assert.Equal("XX000", error.SqlState);
        Assert.Contains("test_rule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bound_plans_of_every_golden_query_pass_the_check_and_survive_all_passes()
    {
        foreach (var row in GoldenPlans.Load("Binding/binding-plans.txt"))
        {
            var sql = (string)row[0];
            var plan = BindingAssert.Bind(sql).Plan;
            PlanInvariants.Check(plan, "binder");
            var optimised = Optimizer.Default.Optimize(plan).Plan;
            Assert.Equal(plan.Output.Select(c => (c.Id, c.Type)), optimised.Output.Select(c => (c.Id, c.Type)));
        }
    }

    [Fact]
    public void Plans_compare_by_value()
    {
        Assert.Equal(BindingAssert.Bind("select id from \"in\" where src_port = 80").Plan, BindingAssert.Bind("select id from \"in\" where src_port = 80").Plan);
        Assert.NotEqual(BindingAssert.Bind("select id from \"in\" where src_port = 80").Plan, BindingAssert.Bind("select id from \"in\" where src_port = 81").Plan);
    }
}
