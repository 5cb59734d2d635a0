using Vnd.Planner.Binding;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax;

namespace Vnd.Planner.Tests.Binding;

/// <summary>
/// Where set-returning functions of a SELECT run (PostgreSQL 10+): a call in another's arguments one ProjectSet
/// lower; GROUP BY calls below the Aggregate; window-definition calls below the Window (shared with the select list);
/// ROWS FROM and WITH ORDINALITY as one lockstep ProjectSet.
/// </summary>
public sealed class SetFunctionPlacementTests
{
    private static LogicalPlan Bind(string sql) => new Binder(TraceCatalog.Create()).Bind(SqlParser.ParseStatement(sql)).Plan;

    /// <summary>The plan's nodes from the top down along first inputs.</summary>
    private static List<LogicalPlan> Spine(LogicalPlan plan)
    {
        var nodes = new List<LogicalPlan>();
        for (var node = plan; node is not null; node = node is UnaryPlan unary ? unary.Input : null)
            nodes.Add(node);
        return nodes;
    }

    private static List<string> ProjectSetFunctions(LogicalPlan plan) =>
        Spine(plan).OfType<ProjectSet>().Select(p => string.Join(",", p.Functions.Select(f => f.Function))).ToList();

    [Fact]
    public void A_call_in_another_runs_one_level_lower_and_independent_calls_share_the_lowest()
    {
        var plan = Bind("select generate_series(1, generate_series(1, 3)), unnest(array[1, 2])");
        var sets = Spine(plan).OfType<ProjectSet>().ToList();
        Assert.Equal(2, sets.Count);
        Assert.Equal(["generate_series"], sets[0].Functions.Select(f => f.Function));
        Assert.Equal(["generate_series", "unnest"], sets[1].Functions.Select(f => f.Function));
        // The upper call reads the lower one's column.
        Assert.Contains(sets[1].Functions[0].Column.Id, ExprWalk.Columns(sets[0].Functions[0].Arguments[1]));
    }

    [Fact]
    public void Three_levels_nest_three_project_sets() =>
        Assert.Equal(3, ProjectSetFunctions(Bind("select generate_series(1, generate_series(1, generate_series(1, 2)))")).Count);

    [Fact]
    public void A_group_by_call_runs_below_the_aggregate_and_the_select_list_reads_the_key()
    {
        var spine = Spine(Bind("select generate_series(1, id::int4), count(*) from \"in\" group by 1"));
        var aggregate = Assert.Single(spine.OfType<Aggregate>());
        Assert.IsType<ProjectSet>(aggregate.Input);
        Assert.DoesNotContain(spine.TakeWhile(n => n is not Aggregate), n => n is ProjectSet);
    }

    [Fact]
    public void A_select_list_call_unlike_the_group_key_runs_again_above_the_aggregate()
    {
        var spine = Spine(Bind("select generate_series(1, 2), count(*) from \"in\" group by generate_series(1, 2) % 2"));
        Assert.Equal(2, spine.OfType<ProjectSet>().Count());
        Assert.Contains(spine.TakeWhile(n => n is not Aggregate), n => n is ProjectSet);
    }

    [Theory]
    [InlineData("select generate_series(1, 2), sum(1) over (partition by generate_series(1, 2))")]
    [InlineData("select sum(1) over (partition by generate_series(1, 2)), generate_series(1, 2)")]
    public void A_window_definition_call_runs_below_the_window_shared_with_the_select_list(string sql)
    {
        var spine = Spine(Bind(sql));
        var window = Assert.Single(spine.OfType<Window>());
        var set = Assert.IsType<ProjectSet>(window.Input);
        Assert.Single(set.Functions);
        Assert.Single(spine.OfType<ProjectSet>());
    }

    /// <summary>The inner call moves below the Window; the outer one stays a level above it, with no empty level between.</summary>
    [Fact]
    public void A_call_moved_below_the_window_leaves_no_empty_project_set()
    {
        var sets = Spine(Bind("select generate_series(1, generate_series(1, 2)), sum(1) over (partition by generate_series(1, 2))")).OfType<ProjectSet>().ToList();
        Assert.Equal(2, sets.Count);
        Assert.All(sets, s => Assert.Single(s.Functions));
    }

    [Fact]
    public void Rows_from_with_ordinality_is_one_lockstep_project_set()
    {
        var plan = Bind("select * from rows from (generate_series(1, 2), unnest(array['a']), upper('x')) with ordinality as r(g, u, x, n)");
        Assert.Equal(["g", "u", "x", "n"], plan.Output.Select(c => c.Name));
        Assert.Equal("generate_series,unnest,single_row,with_ordinality", Assert.Single(ProjectSetFunctions(plan)));
    }

    [Fact]
    public void Unnest_of_several_arrays_is_rows_from_of_one_unnest_each() =>
        Assert.Equal("unnest,unnest,unnest", Assert.Single(ProjectSetFunctions(Bind("select * from unnest(array[1], array['a'], array[true])"))));
}
