namespace Vnd.Planner.Tests.Binding;

/// <summary>NATURAL JOIN binds as USING over the common column names.</summary>
public sealed class NaturalJoinTests
{
    [Fact]
    public void Common_names_become_the_join_keys_and_star_lists_each_once()
    {
        var plan = BindingAssert.Plan("select * from \"in\" natural join (select id, seq, 1 as hop from out) o");
        Assert.Contains("Join: keys=[", plan, StringComparison.Ordinal);
        Assert.Contains("id#", plan, StringComparison.Ordinal);
        var columns = BindingAssert.Types("select * from \"in\" natural join (select id, seq, 1 as hop from out) o").Split(", ");
        Assert.Equal(["id:bigint", "seq:bigint"], columns[..2]);
        Assert.Single(columns, c => c.StartsWith("id:", StringComparison.Ordinal));
        Assert.Equal("hop:integer", columns[^1]);
    }

    [Fact]
    public void Without_common_names_it_is_a_join_without_keys()
    {
        var plan = BindingAssert.Plan("select * from (select 1 as a) x natural join (select 2 as b) y");
        Assert.DoesNotContain("keys=", plan, StringComparison.Ordinal);
        Assert.Equal("a:integer, b:integer", BindingAssert.Types("select * from (select 1 as a) x natural join (select 2 as b) y"));
    }
}
