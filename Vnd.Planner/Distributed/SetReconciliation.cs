using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Distributed;

/// <summary>
/// Prices and shapes set reconciliation for semi and anti joins (the paper's loss query: In rows whose id is not
/// in Out): the right side's site ships an invertible Bloom lookup table of its keys, sized for the number of keys
/// the two sides do not share rather than for either side, and the left site peels out the keys only it has and
/// joins locally. When In and Out differ by 1%, that is ~1.5 cells per lost packet instead of every key. The
/// difference is predicted from the statistics: the key sets' distinct counts and range overlap (containment
/// assumed), never less than the row-count difference — the one figure that is exact for unfiltered tables. With
/// duplicate keys on either side nearly every key may differ in count, so the prediction becomes both sides' keys
/// and the strategy is in practice not chosen. Should the table not peel at run time, the left site reads a table
/// of twice the cells, and if that fails too the right side's distinct keys (both predicted at no rows: they are
/// read only on failure), so results are exact.
/// </summary>
public sealed class SetReconciliation(Estimator estimator, CostModel model, ColumnIdAllocator ids, JoinCombiner combiner)
{
    /// <summary>Passes the left site makes over its input: build its table, count its peeled keys, emit rows.</summary>
    private const int LeftPasses = 3;

    private const double DuplicateRatio = 1.1;

    /// <summary>
    /// One integer key pair (the table sums keys as 64-bit integers), no residual, and a left input that is read
    /// at its own site with no exchange inside, since it is read more than once.
    /// </summary>
    public static bool Applies(JoinType type, Candidate left, SqlList<EquiKey> keys, BoundExpr? residual) =>
        type is JoinType.Semi or JoinType.Anti or JoinType.NullAwareAnti && residual is null && keys.Count == 1 &&
        keys[0].Left.Type.IsInteger && keys[0].Right.Type.IsInteger && IsLocal(left);

    private static bool IsLocal(Candidate candidate) => candidate.Shape switch
    {
        LocalShape => true,
        UnaryShape unary => IsLocal(unary.Input),
        _ => false,
    };

    /// <summary>Keys that occur with different counts on the two sides (what the table must hold).</summary>
    public double Differences(EquiKey key, double leftRows, double rightRows)
    {
        var left = estimator.Key(key.Left, leftRows);
        var right = estimator.Key(key.Right, rightRows);
        if (leftRows > DuplicateRatio * left.Distinct || rightRows > DuplicateRatio * right.Distinct)
            return left.Distinct + right.Distinct;
        var common = Math.Min(left.Distinct * left.OverlapWith(right), right.Distinct * right.OverlapWith(left));
        var sets = left.Distinct + right.Distinct - 2 * common;
        return Math.Max(sets, Math.Abs(leftRows - rightRows));
    }

    public Candidate Join(JoinType type, JoinCombiner.JoinInput left, JoinCombiner.JoinInput right, SqlList<EquiKey> keys,
        double rows, double rowWidth)
    {
        var (l, r) = (left.Candidate, right.Candidate);
        var key = keys[0];
        var size = SetSketchSizing.For(Differences(key, l.Rows, r.Rows));

        var sketch = combiner.Move(Sketch(r, key.Right, size, size.Rows), l.Site, ExchangeKind.SetSketch);
        // The retry and the fallback are predicted at zero rows: they are read only when peeling fails.
        var retrySize = new SetSketchSizing(SetDifferenceJoin.RetryCells(size.Cells));
        var retry = combiner.Move(Sketch(r, key.Right, retrySize, 0), l.Site, ExchangeKind.SetSketch);
        var column = new PlanColumn(ids.Next(), "key0", key.Right.Type);
        var distinct = new Candidate(r.Site, r.Cost, 0, CostModel.Width(key.Right.Type),
            new KeysShape(r, [key.Right], [column]));
        var fallback = combiner.Move(distinct, l.Site, ExchangeKind.DistinctKeys);

        var cost = l.Cost + sketch.Cost + model.CpuBytesPerRow * (LeftPasses * l.Rows + sketch.Rows);
        return new Candidate(l.Site, cost, rows, rowWidth,
            new SetDifferenceShape(type, l, sketch, retry, fallback, key.Left, size, left.Name, right.Name));
    }

    /// <summary>A table of <paramref name="size"/> over the input's <paramref name="key"/>, predicted at <paramref name="rows"/> rows.</summary>
    internal Candidate Sketch(Candidate input, BoundExpr key, SetSketchSizing size, double rows)
    {
        var offset = new PlanColumn(ids.Next(), "offset", SqlType.Int8);
        var chunk = new PlanColumn(ids.Next(), "chunk", SqlType.Bytea);
        return new Candidate(input.Site, input.Cost + model.CpuBytesPerRow * input.Rows, rows, size.Bytes / size.Rows,
            new SetSketchShape(input, key, size, offset, chunk));
    }
}
