namespace Vnd.Planner.Distributed;

/// <summary>
/// Join order and join sites by dynamic programming over connected leaf sets by size (DPsize, Selinger style, with
/// one best plan kept per site). Past <see cref="CostModel.PairBudget"/> evaluated pairs — or when the join graph
/// is not connected — it falls back to greedy operator ordering: repeatedly join the two sets whose join is
/// cheapest, preferring connected pairs.
/// </summary>
public sealed class JoinEnumerator(JoinSpace space, CostModel model)
{
    public bool UsedGreedy { get; private set; }

    public int PairsEvaluated { get; private set; }

    /// <summary>The cheapest plan of the whole region per site.</summary>
    public IReadOnlyDictionary<Site, Candidate> Enumerate()
    {
        if (space.Count >= 20)
            return Greedy();
        var best = new Dictionary<int, Dictionary<Site, Candidate>>();
        var bySize = new List<int>[space.Count + 1];
        for (var s = 0; s <= space.Count; s++)
            bySize[s] = [];
        for (var i = 0; i < space.Count; i++)
        {
            var sites = new Dictionary<Site, Candidate>();
            JoinSpace.KeepBest(sites, space.Leaves[i]);
            best[1 << i] = sites;
            bySize[1].Add(1 << i);
        }
        for (var size = 2; size <= space.Count; size++)
        {
            for (var leftSize = 1; leftSize <= size - leftSize; leftSize++)
            {
                foreach (var left in bySize[leftSize])
                {
                    foreach (var right in bySize[size - leftSize])
                    {
                        if ((left & right) != 0 || (leftSize == size - leftSize && left > right) || !space.Region.Connected(left, right))
                            continue;
                        if (++PairsEvaluated > model.PairBudget)
                            return Greedy();
                        var set = left | right;
                        if (!best.TryGetValue(set, out var sites))
                        {
                            best[set] = sites = [];
                            bySize[size].Add(set);
                        }
                        foreach (var l in best[left].Values)
                        {
                            foreach (var r in best[right].Values)
                                JoinSpace.KeepBest(sites, space.Combine(left, right, l, r));
                        }
                    }
                }
            }
        }
        return best.TryGetValue(space.All, out var result) ? result : Greedy();
    }

    private Dictionary<Site, Candidate> Greedy()
    {
        UsedGreedy = true;
        var parts = new List<(int Set, Dictionary<Site, Candidate> Sites)>();
        for (var i = 0; i < space.Count; i++)
        {
            var sites = new Dictionary<Site, Candidate>();
            JoinSpace.KeepBest(sites, space.Leaves[i]);
            parts.Add((1 << i, sites));
        }
        while (parts.Count > 1)
        {
            var anyConnected = false;
            for (var a = 0; a < parts.Count && !anyConnected; a++)
            {
                for (var b = a + 1; b < parts.Count && !anyConnected; b++)
                    anyConnected = space.Region.Connected(parts[a].Set, parts[b].Set);
            }
            (int A, int B, Dictionary<Site, Candidate> Sites, double Cost) chosen = (-1, -1, [], double.MaxValue);
            for (var a = 0; a < parts.Count; a++)
            {
                for (var b = a + 1; b < parts.Count; b++)
                {
                    if (anyConnected && !space.Region.Connected(parts[a].Set, parts[b].Set))
                        continue;
                    var sites = new Dictionary<Site, Candidate>();
                    foreach (var l in parts[a].Sites.Values)
                    {
                        foreach (var r in parts[b].Sites.Values)
                            JoinSpace.KeepBest(sites, space.Combine(parts[a].Set, parts[b].Set, l, r));
                    }
                    var cost = sites.Values.Min(c => c.Cost);
                    if (cost < chosen.Cost)
                        chosen = (a, b, sites, cost);
                }
            }
            var merged = (parts[chosen.A].Set | parts[chosen.B].Set, chosen.Sites);
            parts.RemoveAt(chosen.B);
            parts[chosen.A] = merged;
        }
        return parts[0].Sites;
    }
}
