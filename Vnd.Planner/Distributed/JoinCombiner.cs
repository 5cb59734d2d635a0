using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Distributed;

/// <summary>
/// The ways to join two located inputs, each priced in bytes moved plus CPU: join where the left or right input
/// already is (ship the other side), ship both to the coordinator, and semi-join reduction (ship one side's
/// distinct keys or a Bloom filter of them to the other, move on only the rows that may match; see
/// <see cref="BloomReduction"/>). Semi and anti joins only need the right side's distinct keys, so they also
/// consider shipping just those, or only what the two key sets do not share (<see cref="SetReconciliation"/>).
/// <paramref name="choice"/> restricts the strategies of joins across sites to one
/// family (for measuring); a join that family cannot run keeps them all.
/// </summary>
public sealed class JoinCombiner(Estimator estimator, CostModel model, ColumnIdAllocator ids, JoinStrategyChoice choice = JoinStrategyChoice.Auto)
{
    private BloomReduction? _bloom;

    private SetReconciliation? _reconciliation;

    private BloomReduction Bloom => _bloom ??= new BloomReduction(estimator, model, ids, this);

    private SetReconciliation Reconciliation => _reconciliation ??= new SetReconciliation(estimator, model, ids, this);

    private ReconciledAggregation? _aggregation;

    /// <summary>Aggregates over a join decomposed into per-site sums by set reconciliation (none when that does not apply).</summary>
    public ReconciledAggregation Aggregation => _aggregation ??= new ReconciledAggregation(estimator, model, ids, this, Reconciliation);

    /// <summary>The strategy family <c>vnd.join_strategy</c> allows.</summary>
    public JoinStrategyChoice Choice => choice;

    public sealed record JoinInput(Candidate Candidate, string Name);

    /// <summary>Every candidate for the join (several per site); the caller keeps the best ones.</summary>
    public List<Candidate> Combine(JoinType type, JoinInput left, JoinInput right, SqlList<EquiKey> keys, BoundExpr? residual,
        double rows, double rowWidth)
    {
        var results = new List<Candidate>();
        var (l, r) = (left.Candidate, right.Candidate);
        Site[] targets = l.Site == r.Site ? [l.Site, Site.Coordinator] : [l.Site, r.Site, Site.Coordinator];
        foreach (var target in targets)
        {
            var movedLeft = Move(l, target, ExchangeKind.Rows);
            var movedRight = Move(r, target, ExchangeKind.Rows);
            var strategy = (l.Site == target, r.Site == target) switch
            {
                (true, true) => JoinStrategy.Colocated,
                (false, true) => JoinStrategy.ShipLeft,
                (true, false) => JoinStrategy.ShipRight,
                _ => JoinStrategy.ShipBothToCoordinator,
            };
            results.Add(Join(type, movedLeft, movedRight, keys, residual, strategy, left.Name, right.Name, rows, rowWidth));
        }
        if (keys.Count == 0 || l.Site == r.Site)
            return Restricted(results, l.Site != r.Site);
        if (type == JoinType.Inner && residual is null)
        {
            results.Add(Reduced(left, right, keys, rows, rowWidth, reduceLeft: true));
            results.Add(Reduced(left, right, Swap(keys), rows, rowWidth, reduceLeft: false));
        }
        if (BloomReduction.Applies(type, keys))
        {
            results.Add(Bloom.Reduced(type, left, right, keys, residual, rows, rowWidth, reduceLeft: true));
            results.Add(Bloom.Reduced(type, left, right, keys, residual, rows, rowWidth, reduceLeft: false));
        }
        if (type is JoinType.Semi or JoinType.Anti or JoinType.NullAwareAnti && residual is null)
        {
            var (shippedKeys, rewritten) = ShippedKeys(r, keys, l.Site);
            results.Add(Join(type, l, shippedKeys, rewritten, null, JoinStrategy.ShipRightKeys, left.Name, right.Name, rows, rowWidth));
        }
        if (SetReconciliation.Applies(type, l, keys, residual))
            results.Add(Reconciliation.Join(type, left, right, keys, rows, rowWidth));
        return Restricted(results, acrossSites: true);
    }

    private List<Candidate> Restricted(List<Candidate> results, bool acrossSites)
    {
        if (choice == JoinStrategyChoice.Auto || !acrossSites)
            return results;
        var allowed = results.FindAll(c => c.Shape switch
        {
            JoinShape join => JoinStrategyChoices.Allows(choice, join.Strategy),
            SetDifferenceShape => JoinStrategyChoices.Allows(choice, JoinStrategy.SetReconciliation),
            _ => false,
        });
        return allowed.Count > 0 ? allowed : results;
    }

    public Candidate Move(Candidate input, Site to, ExchangeKind kind) =>
        input.Site == to ? input : new Candidate(to, input.Cost + input.Bytes, input.Rows, input.RowWidth, new MoveShape(input, kind));

    /// <summary>
    /// Semi-join reduction: the other side's distinct keys travel to the reduced side's site, the reduced side keeps
    /// only matching rows and travels to the other side, where the join runs. <paramref name="keys"/> are oriented
    /// reduced side = other side.
    /// </summary>
    private Candidate Reduced(JoinInput left, JoinInput right, SqlList<EquiKey> keys, double rows, double rowWidth, bool reduceLeft)
    {
        var (reduced, other) = reduceLeft ? (left, right) : (right, left);
        var (shippedKeys, rewritten) = ShippedKeys(other.Candidate, keys, reduced.Candidate.Site);
        var semiRows = reduced.Candidate.Rows * estimator.Match(keys, reduced.Candidate.Rows, other.Candidate.Rows).MatchFraction;
        var semi = Join(JoinType.Semi, reduced.Candidate, shippedKeys, rewritten, null, JoinStrategy.ShipRightKeys,
            reduced.Name, other.Name + " keys", semiRows, reduced.Candidate.RowWidth);
        var moved = Move(semi, other.Candidate.Site, ExchangeKind.Rows);
        var (joinLeft, joinRight) = reduceLeft ? (moved, other.Candidate) : (other.Candidate, moved);
        return Join(JoinType.Inner, joinLeft, joinRight, reduceLeft ? keys : Swap(keys), null,
            reduceLeft ? JoinStrategy.ReduceLeft : JoinStrategy.ReduceRight, left.Name, right.Name, rows, rowWidth);
    }

    /// <summary>The distinct right-hand keys of <paramref name="keys"/> over <paramref name="source"/>, moved to
    /// <paramref name="to"/>, and the keys rewritten to compare the left side with those shipped columns.</summary>
    private (Candidate Keys, SqlList<EquiKey> Rewritten) ShippedKeys(Candidate source, SqlList<EquiKey> keys, Site to)
    {
        var columns = new PlanColumn[keys.Count];
        var rewritten = new EquiKey[keys.Count];
        double distinct = 1;
        for (var k = 0; k < keys.Count; k++)
        {
            columns[k] = new PlanColumn(ids.Next(), "key" + k, keys[k].Right.Type);
            rewritten[k] = new EquiKey(keys[k].Left, BoundColumn.Of(columns[k]));
            distinct *= estimator.Key(keys[k].Right, source.Rows).Distinct;
        }
        var keyColumns = SqlList.From(columns);
        var rows = Math.Min(source.Rows, distinct);
        var shape = new KeysShape(source, SqlList.From(keys.Select(k => k.Right)), keyColumns);
        var candidate = new Candidate(source.Site, source.Cost + model.CpuBytesPerRow * source.Rows, rows, Estimator.Width(keyColumns), shape);
        return (Move(candidate, to, ExchangeKind.DistinctKeys), SqlList.From(rewritten));
    }

    internal Candidate Join(JoinType type, Candidate left, Candidate right, SqlList<EquiKey> keys, BoundExpr? residual,
        JoinStrategy strategy, string leftName, string rightName, double rows, double rowWidth)
    {
        var cost = left.Cost + right.Cost + model.CpuBytesPerRow * (left.Rows + right.Rows);
        return new Candidate(left.Site, cost, rows, rowWidth,
            new JoinShape(type, left, right, keys, residual, strategy, leftName, rightName));
    }

    public static SqlList<EquiKey> Swap(SqlList<EquiKey> keys) => SqlList.From(keys.Select(k => new EquiKey(k.Right, k.Left)));
}
