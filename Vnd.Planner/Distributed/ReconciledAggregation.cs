using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Distributed;

/// <summary>
/// Prices an aggregate over an inner join of two sites decomposed by set reconciliation (the paper's one-hop delay:
/// count(*), avg(pout.ts − pin.ts) over In ⋈ Out on the packet id). With unique keys, count = |S| − |keys only in S|
/// and Σ over the matched rows of a term = that side's sum over its rows whose key the other side has, so each site
/// only needs to know which of its keys the other lacks. One site S ships an invertible Bloom lookup table of its
/// keys (sized for the keys the sides do not share, as for the loss query); the other site P subtracts its own,
/// peels both directions, sums its terms over its matched rows and sends back one summary row plus the keys only S
/// has; S sums its own terms over its matched rows and finishes the aggregate. Bytes: the table (~48 bytes per
/// differing key) and 8 per key only in S, instead of one side's rows.
/// </summary>
/// <remarks>
/// Why this direction and not Out's table carrying Out's term sums to In: after subtracting In's table a cell still
/// holds the term sums of every matched key that hashed there (In cannot cancel values it does not have), so a pure
/// cell would not give an unmatched key's values; peeling at P and sending sums back keeps every number exact and
/// the fragments a pull tree (S's sketch → P's partial → S's root). Both orientations are priced; the one whose
/// returned keys are fewer wins (with Out ⊂ In, In's table goes to Out only if In has fewer extra keys).
/// Uniqueness, NULLs, sub-microsecond timestamps and per-row bounds are checked at run time; the other side's rows
/// are planned as a fallback exchange at zero rows, read only when a check fails.
/// </remarks>
public sealed class ReconciledAggregation(Estimator estimator, CostModel model, ColumnIdAllocator ids, JoinCombiner combiner,
    SetReconciliation reconciliation)
{
    /// <summary>Passes over each side: build the table (and collect keys for the uniqueness check), then sum.</summary>
    private const int Passes = 2;

    /// <summary>A key row of the partial's output: the int8 key and an empty summary's offset.</summary>
    private const double KeyRowBytes = 12;

    /// <summary>A summary's fixed part (status, rows, key counts, term count) and per term (sum, minimum, maximum).</summary>
    public const int SummaryHeaderBytes = 29, SummaryTermBytes = 32;

    /// <summary>
    /// Candidates for <paramref name="aggregate"/> over <paramref name="join"/> whose inputs are read at one site each
    /// (none when it does not decompose): one per orientation, at the site that finishes the aggregate.
    /// </summary>
    public List<Candidate> Candidates(Aggregate aggregate, Join join, JoinCombiner.JoinInput left, JoinCombiner.JoinInput right,
        double rows, double rowWidth)
    {
        var results = new List<Candidate>();
        if (left.Candidate.Shape is not LocalShape || right.Candidate.Shape is not LocalShape || left.Candidate.Site == right.Candidate.Site ||
            AggregateDecomposition.Analyze(aggregate, join) is not { } decomposition)
            return results;
        var joinRows = estimator.Rows(join);
        foreach (var localIsLeft in (bool[])[true, false])
            results.Add(Oriented(aggregate, join, decomposition, localIsLeft, left, right, rows, rowWidth, joinRows));
        return results;
    }

    private Candidate Oriented(Aggregate aggregate, Join join, AggregateDecomposition.Result decomposition, bool localIsLeft,
        JoinCombiner.JoinInput left, JoinCombiner.JoinInput right, double rows, double rowWidth, double joinRows)
    {
        var (s, p) = localIsLeft ? (left.Candidate, right.Candidate) : (right.Candidate, left.Candidate);
        var key = join.Keys[0];
        var (sKey, pKey) = localIsLeft ? (key.Left, key.Right) : (key.Right, key.Left);
        var (sTerms, pTerms) = localIsLeft ? (decomposition.LeftTerms, decomposition.RightTerms) : (decomposition.RightTerms, decomposition.LeftTerms);

        var differences = reconciliation.Differences(new EquiKey(sKey, pKey), s.Rows, p.Rows);
        var size = SetSketchSizing.For(differences);
        var sketch = combiner.Move(reconciliation.Sketch(s, sKey, size, size.Rows), p.Site, ExchangeKind.SetSketch);
        var retrySize = new SetSketchSizing(SetDifferenceJoin.RetryCells(size.Cells));
        var retry = combiner.Move(reconciliation.Sketch(s, sKey, retrySize, 0), p.Site, ExchangeKind.SetSketch);

        // Keys only at S: of the differing keys, those S has beyond P's (all of them when P is S minus a loss).
        var onlyLocal = Math.Max(0, (differences + s.Rows - p.Rows) / 2);
        var summary = SummaryHeaderBytes + SummaryTermBytes * pTerms.Count;
        var partialRows = 1 + onlyLocal;
        var partialWidth = (summary + KeyRowBytes * (1 + onlyLocal)) / partialRows;
        var keyColumn = new PlanColumn(ids.Next(), "key", SqlType.Int8);
        var summaryColumn = new PlanColumn(ids.Next(), "summary", SqlType.Bytea);
        var partialCost = p.Cost + sketch.Cost + model.CpuBytesPerRow * (Passes * p.Rows + sketch.Rows);
        var partial = new Candidate(p.Site, partialCost, partialRows, partialWidth,
            new ReconciledPartialShape(p, sketch, retry, pKey, pTerms, size, keyColumn, summaryColumn));
        var movedPartial = combiner.Move(partial, s.Site, ExchangeKind.Rows);
        // The fallback: P's rows, read only when a run-time check fails.
        var fallback = combiner.Move(p with { Rows = 0 }, s.Site, ExchangeKind.Rows);

        var cost = s.Cost + movedPartial.Cost + model.CpuBytesPerRow * (Passes * s.Rows + partialRows);
        return new Candidate(s.Site, cost, rows, rowWidth, new ReconciledAggregateShape(aggregate, join, localIsLeft, s, movedPartial,
            fallback, sKey, sTerms, decomposition.For(localIsLeft), left.Name, right.Name, joinRows));
    }
}
