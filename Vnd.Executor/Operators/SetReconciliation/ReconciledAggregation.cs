using Vnd.Executor.Execution;
using Vnd.Executor.Remote;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.SetReconciliation;

/// <summary>
/// The work of a <see cref="ReconciledAggregateOperator"/>: read the other site's summary and the keys only here,
/// sum this site's terms over its rows whose key is not among them while collecting every key, and combine. False —
/// use the fallback — when the other site reported a failure, a key here is not unique, a matched term is unusable,
/// the two sites disagree on the matched count (which unique keys make impossible), or a row may exceed an
/// aggregate's bound.
/// </summary>
internal sealed class ReconciledAggregation(ReconciledAggregateOperator plan, QueryContext context)
{
    public bool TryRun(Batch output)
    {
        var (summary, onlyHere) = ReadPartial();
        if (summary.Status != PartialStatus.Usable)
            return false;
        var terms = new TermReader(plan.Terms);
        var sums = new TermSummary[terms.Count];
        Array.Fill(sums, TermSummary.Empty);
        using (var uniqueness = new KeyUniqueness(context.Memory))
        {
            var (status, rows, matched) = MatchedSums.Add(plan.Input, context, new IntegerKeyReader(plan.Key), terms, onlyHere, sums, uniqueness);
            if (status != PartialStatus.Usable || !uniqueness.AllDistinct() || matched != summary.Rows - summary.OnlyHere ||
                rows - matched != onlyHere.Count)
                return false;
            foreach (var aggregate in plan.Aggregates)
            {
                foreach (var term in aggregate.Terms)
                {
                    if (!term.Local && term.Index >= summary.Terms.Length)
                        throw Damaged($"term {term.Index} of {summary.Terms.Length}");
                }
                if (!DecomposedFinish.WithinLimit(aggregate, sums, summary.Terms))
                    return false;
            }
            output.Reset();
            for (var a = 0; a < plan.Aggregates.Length; a++)
            {
                var aggregate = plan.Aggregates[a];
                DecomposedFinish.Write(aggregate, DecomposedFinish.Sum(aggregate, sums, summary.Terms), matched, output[a], 0);
            }
            output.Count = 1;
            return true;
        }
    }

    /// <summary>The summary row (NULL key) and then the keys only here (NULL summary), as many as the summary says.</summary>
    private (PartialSummary Summary, HashSet<long> OnlyHere) ReadPartial()
    {
        PartialSummary? summary = null;
        var onlyHere = new HashSet<long>();
        using (var rows = plan.Partial.Open(context))
        {
            while (rows.Next() is { } batch)
            {
                context.CheckCancelled();
                foreach (var row in batch.Rows)
                {
                    if (summary is null)
                    {
                        summary = batch[0].IsNull(row) && !batch[1].IsNull(row) ? PartialSummary.Read(batch[1].GetBytes(row)) : null;
                        if (summary is null)
                            throw Damaged("no summary row first");
                        continue;
                    }
                    if (batch[0].IsNull(row) || onlyHere.Count >= summary.OnlyThere || !onlyHere.Add(batch[0].Get<long>(row)))
                        throw Damaged($"an unexpected key row after {onlyHere.Count} of {summary.OnlyThere}");
                }
            }
        }
        if (summary is null || onlyHere.Count != summary.OnlyThere)
            throw Damaged($"{onlyHere.Count} of {summary?.OnlyThere ?? 0} keys");
        return (summary, onlyHere);
    }

    private static ExecutionException Damaged(string what) =>
        new(RemoteSqlStates.ProtocolViolation, $"the partial aggregate received for set reconciliation is damaged: {what}");
}
