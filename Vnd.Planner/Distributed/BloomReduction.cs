using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Distributed;

/// <summary>
/// Prices and shapes Bloom-filter semi-join reduction for inner and semi joins: the other side's site builds a
/// filter over its keys (sized for its estimated distinct keys at <see cref="CostModel.BloomFalsePositiveRate"/>)
/// and ships it — about 1.2 bytes per key at 1% instead of the key itself — and the reduced side ships on only the
/// rows that may match: the matching ones plus the false positives. The exact join then runs at the other side's
/// site, so results are exact. Anti joins are not reduced: a filter proves only absence, so it can only pick out
/// rows that are certainly in the result; every other row must still be checked against the other side, i.e.
/// shipped — the rows a loss query drops are nearly all of them — and NOT IN would also need to know whether the
/// other side has a NULL.
/// </summary>
public sealed class BloomReduction(Estimator estimator, CostModel model, ColumnIdAllocator ids, JoinCombiner combiner)
{
    /// <summary>
    /// Both sites must hash a key value alike: key pairs of one type, or integers (which the executor's key
    /// encoding widens to eight bytes).
    /// </summary>
    public static bool Applies(JoinType type, SqlList<EquiKey> keys)
    {
        if (type is not (JoinType.Inner or JoinType.Semi) || keys.Count == 0)
            return false;
        foreach (var key in keys)
        {
            if (key.Left.Type != key.Right.Type && !(key.Left.Type.IsInteger && key.Right.Type.IsInteger))
                return false;
        }
        return true;
    }

    /// <summary>The join with its left (or right) input reduced by a Bloom filter of the other input's keys.</summary>
    public Candidate Reduced(JoinType type, JoinCombiner.JoinInput left, JoinCombiner.JoinInput right, SqlList<EquiKey> keys,
        BoundExpr? residual, double rows, double rowWidth, bool reduceLeft)
    {
        var (reduced, other) = reduceLeft ? (left.Candidate, right.Candidate) : (right.Candidate, left.Candidate);
        var oriented = reduceLeft ? keys : JoinCombiner.Swap(keys); // reduced side = other side
        double distinct = 1;
        foreach (var key in oriented)
            distinct *= estimator.Key(key.Right, other.Rows).Distinct;
        distinct = Math.Min(distinct, Math.Max(1, other.Rows));
        var size = BloomFilterSizing.For(distinct, model.BloomFalsePositiveRate);

        var offset = new PlanColumn(ids.Next(), "offset", SqlType.Int8);
        var chunk = new PlanColumn(ids.Next(), "chunk", SqlType.Bytea);
        var filter = new Candidate(other.Site, other.Cost + model.CpuBytesPerRow * other.Rows, size.Chunks,
            size.Bytes / size.Chunks + CostModel.Width(SqlType.Int8),
            new BloomBuildShape(other, SqlList.From(oriented.Select(k => k.Right)), size, offset, chunk));
        var shipped = combiner.Move(filter, reduced.Site, ExchangeKind.BloomFilter);

        var match = estimator.Match(oriented, reduced.Rows, other.Rows).MatchFraction;
        var survivors = reduced.Rows * (match + (1 - match) * size.FalsePositiveRate(distinct));
        var probe = new Candidate(reduced.Site, reduced.Cost + shipped.Cost + model.CpuBytesPerRow * reduced.Rows, survivors,
            reduced.RowWidth, new BloomProbeShape(reduced, shipped, SqlList.From(oriented.Select(k => k.Left)), size));
        var moved = combiner.Move(probe, other.Site, ExchangeKind.Rows);

        var (joinLeft, joinRight) = reduceLeft ? (moved, other) : (other, moved);
        return combiner.Join(type, joinLeft, joinRight, keys, residual,
            reduceLeft ? JoinStrategy.BloomReduceLeft : JoinStrategy.BloomReduceRight, left.Name, right.Name, rows, rowWidth);
    }
}
