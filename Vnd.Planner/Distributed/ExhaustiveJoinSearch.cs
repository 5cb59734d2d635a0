namespace Vnd.Planner.Distributed;

/// <summary>
/// Every bushy join tree of a region with every site choice, without pruning: the reference the dynamic
/// programming is checked against. Exponential — only for regions of a handful of leaves.
/// </summary>
public static class ExhaustiveJoinSearch
{
    public static Candidate Cheapest(JoinSpace space)
    {
        if (space.Count > 5)
            throw new ArgumentException("exhaustive search is limited to 5 leaves", nameof(space));
        var memo = new Dictionary<int, List<Candidate>>();
        return All(space, space.All, memo).MinBy(c => c.Cost)
            ?? throw new InvalidOperationException("the join graph is not connected");
    }

    private static List<Candidate> All(JoinSpace space, int set, Dictionary<int, List<Candidate>> memo)
    {
        if (memo.TryGetValue(set, out var known))
            return known;
        var results = new List<Candidate>();
        if ((set & (set - 1)) == 0)
        {
            results.AddRange(space.Leaves[System.Numerics.BitOperations.TrailingZeroCount(set)]);
        }
        else
        {
            // Each unordered split once: the subset holding the lowest leaf is the left one.
            var lowest = set & -set;
            for (var left = (set - 1) & set; left > 0; left = (left - 1) & set)
            {
                var right = set & ~left;
                if ((left & lowest) == 0 || !space.Region.Connected(left, right))
                    continue;
                foreach (var l in All(space, left, memo))
                {
                    foreach (var r in All(space, right, memo))
                        results.AddRange(space.Combine(left, right, l, r));
                }
            }
        }
        return memo[set] = results;
    }
}
