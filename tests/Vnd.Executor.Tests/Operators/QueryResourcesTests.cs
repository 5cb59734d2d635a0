using Vnd.Executor.Execution;

namespace Vnd.Executor.Tests.Operators;

/// <summary>A query's budget is also charged to the server's total: either limit gives 53200, and releasing frees both.</summary>
public sealed class QueryResourcesTests
{
    [Fact]
    public void Each_query_has_its_own_limit_and_all_share_the_total()
    {
        var resources = new QueryResources(queryMemoryBytes: 100, totalMemoryBytes: 150);
        using var first = resources.NewQuery();
        using var second = resources.NewQuery();
        first.Memory.Reserve(100);
        var own = Assert.Throws<ExecutionException>(() => first.Memory.Reserve(1));
        Assert.Equal("53200", own.SqlState);
        Assert.Contains("its limit", own.Message, StringComparison.Ordinal);
        // The second query is under its own limit but the total (150) is not: refused, and nothing stays charged.
        var total = Assert.Throws<ExecutionException>(() => second.Memory.Reserve(60));
        Assert.Equal("53200", total.SqlState);
        Assert.Contains("server's limit", total.Message, StringComparison.Ordinal);
        Assert.Equal(0, second.Memory.Used);
        Assert.Equal(100, resources.InUse);
        second.Memory.Reserve(50);
        first.Memory.Release(100);
        Assert.Equal(50, resources.InUse);
        second.Memory.Reserve(50);
        Assert.Equal(100, resources.InUse);
    }

    [Fact]
    public void The_machine_defaults_leave_a_query_at_most_the_total()
    {
        var defaults = QueryResources.ForMachine();
        Assert.True(defaults.QueryMemoryBytes > 0 && defaults.QueryMemoryBytes <= defaults.TotalMemoryBytes);
        Assert.Equal(64, QueryResources.ForMachine(queryMemoryBytes: 100, totalMemoryBytes: 64).QueryMemoryBytes);
    }
}
