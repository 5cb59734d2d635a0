using Vnd.Planner.Distributed;
using static Vnd.Planner.Tests.Distributed.CapturePoints;

namespace Vnd.Planner.Tests.Distributed;

/// <summary>The dynamic programming finds the same cheapest plan as trying every bushy tree and site.</summary>
public sealed class JoinEnumeratorTests
{
    private const string Chain = "select a.ts from hop_a a join hop_b b on a.id = b.id join hop_c c on b.id = c.id join hop_d d on c.id = d.id";
    private const string Star = "select a.ts from hop_a a join hop_b b on a.id = b.id join hop_c c on a.id = c.id join hop_d d on a.id = d.id";
    private const string Three = "select a.ts from hop_a a join hop_b b on a.id = b.id join hop_c c on b.id = c.id";

    [Theory]
    [InlineData(Chain, 1)]
    [InlineData(Chain, 2)]
    [InlineData(Star, 3)]
    [InlineData(Star, 4)]
    [InlineData(Three, 5)]
    [InlineData(Three, 6)]
    public void Dynamic_programming_equals_exhaustive_search(string sql, int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 20; round++)
        {
            var placement = RandomPlacement(random);
            var plan = Optimized(sql);
            var space = new DistributedPlanner(placement).JoinSpaceOf(plan, FindJoin(plan));
            var enumerator = new JoinEnumerator(space, CostModel.Default);

            var dp = enumerator.Enumerate().Values.Min(c => c.Cost);
            var exhaustive = ExhaustiveJoinSearch.Cheapest(space).Cost;

            Assert.False(enumerator.UsedGreedy);
            Assert.Equal(exhaustive, dp, 6);
        }
    }

    [Fact]
    public void Past_the_pair_budget_the_greedy_fallback_still_plans_every_leaf()
    {
        var random = new Random(7);
        var placement = RandomPlacement(random);
        var plan = Optimized(Chain);
        var space = new DistributedPlanner(placement).JoinSpaceOf(plan, FindJoin(plan));
        var greedy = new JoinEnumerator(space, CostModel.Default with { PairBudget = 1 });

        var cost = greedy.Enumerate().Values.Min(c => c.Cost);

        Assert.True(greedy.UsedGreedy);
        Assert.True(cost >= ExhaustiveJoinSearch.Cheapest(space).Cost - 1e-6);
        var full = new DistributedPlanner(placement, CostModel.Default with { PairBudget = 1 }).Plan(plan);
        Assert.Equal(3, full.Joins.Count(j => j.Type == Vnd.Planner.Logical.JoinType.Inner));
    }

    private static Placement RandomPlacement(Random random)
    {
        var tables = new List<(string, TableSiteStatistics)>();
        foreach (var table in (string[])["hop_a", "hop_b", "hop_c", "hop_d"])
        {
            var rows = (long)Math.Pow(10, 2 + random.NextDouble() * 5);
            var low = random.Next(0, 1_000_000);
            var high = low + random.Next(1_000, 2_000_000);
            tables.Add((table, Packets(rows, low, high, Math.Max(1, rows / random.Next(1, 4)))));
        }
        return Place(tables.ToArray());
    }
}
