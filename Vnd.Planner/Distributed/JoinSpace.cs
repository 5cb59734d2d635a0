using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Distributed;

/// <summary>
/// The search space of one join region: its leaves' candidates and how to join two leaf sets. Row counts of a leaf
/// set do not depend on the order it was joined in (product of leaf rows times each inner edge's selectivity), so
/// dynamic programming over sets is exact for the cost model, and any enumerator sees the same numbers.
/// </summary>
public sealed class JoinSpace
{
    private readonly Dictionary<int, double> _rows = [];
    private readonly JoinCombiner _combiner;
    private readonly Estimator _estimator;

    public JoinSpace(JoinRegion region, IReadOnlyList<IReadOnlyList<Candidate>> leaves, IReadOnlyList<string> names,
        Estimator estimator, JoinCombiner combiner)
    {
        if (region.Leaves.Count > 30)
            throw new ArgumentException("a join region has at most 30 leaves", nameof(region));
        Region = region;
        Leaves = leaves;
        Names = names;
        _estimator = estimator;
        _combiner = combiner;
    }

    public JoinRegion Region { get; }

    public IReadOnlyList<IReadOnlyList<Candidate>> Leaves { get; }

    public IReadOnlyList<string> Names { get; }

    public int Count => Leaves.Count;

    public int All => (1 << Count) - 1;

    /// <summary>All candidates for joining leaf set <paramref name="left"/> (at <paramref name="l"/>) with
    /// <paramref name="right"/> (at <paramref name="r"/>).</summary>
    public List<Candidate> Combine(int left, int right, Candidate l, Candidate r) =>
        _combiner.Combine(JoinType.Inner, new(l, Name(left)), new(r, Name(right)), Region.KeysBetween(left, right), null,
            Rows(left | right), Width(left | right));

    public double Rows(int set)
    {
        if (_rows.TryGetValue(set, out var rows))
            return rows;
        rows = 1;
        for (var i = 0; i < Count; i++)
        {
            if ((set & (1 << i)) != 0)
                rows *= LeafRows(i);
        }
        foreach (var edge in Region.Edges)
        {
            if ((set & (1 << edge.Left)) != 0 && (set & (1 << edge.Right)) != 0)
            {
                var (l, r) = (LeafRows(edge.Left), LeafRows(edge.Right));
                rows *= _estimator.Match([edge.Key], l, r).InnerRows / Math.Max(1, l * r);
            }
        }
        return _rows[set] = rows;
    }

    public double Width(int set)
    {
        double width = 0;
        for (var i = 0; i < Count; i++)
        {
            if ((set & (1 << i)) != 0)
                width += Leaves[i][0].RowWidth;
        }
        return width;
    }

    public string Name(int set) =>
        string.Join("+", Enumerable.Range(0, Count).Where(i => (set & (1 << i)) != 0).Select(i => Names[i]));

    /// <summary>Keeps the cheapest candidate per site.</summary>
    public static void KeepBest(Dictionary<Site, Candidate> best, IEnumerable<Candidate> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (!best.TryGetValue(candidate.Site, out var current) || candidate.Cost < current.Cost)
                best[candidate.Site] = candidate;
        }
    }

    public static SqlList<EquiKey> NoKeys => SqlList<EquiKey>.Empty;

    private double LeafRows(int leaf) => Leaves[leaf][0].Rows;
}
