using Vnd.Executor.Execution;

namespace Vnd.Executor.Operators.SetReconciliation;

/// <summary>
/// One pass over a site's input summing each term over the matched rows: those with a non-NULL key that is not
/// among the keys only this site has. Both halves of a decomposed aggregate use it.
/// </summary>
internal static class MatchedSums
{
    /// <summary>
    /// Adds the matched rows' terms to <paramref name="sums"/> and counts the rows with a non-NULL key and the matched
    /// ones; <see cref="PartialStatus.UnusableTerm"/> on the first matched row with an unusable term.
    /// <paramref name="uniqueness"/>, when given, sees every non-NULL key.
    /// </summary>
    public static (PartialStatus Status, long Rows, long Matched) Add(PhysicalOperator input, QueryContext context, IntegerKeyReader keys, TermReader terms,
        HashSet<long> onlyHere, TermSummary[] sums, KeyUniqueness? uniqueness)
    {
        long rows = 0, matched = 0;
        using var stream = input.Open(context);
        while (stream.Next() is { } batch)
        {
            context.CheckCancelled();
            var count = keys.Read(batch);
            terms.Read(batch);
            for (var k = 0; k < count; k++)
            {
                if (keys.IsNull[k])
                    continue;
                uniqueness?.Add(keys.Values[k]);
                rows++;
                if (onlyHere.Count > 0 && onlyHere.Contains(keys.Values[k]))
                    continue;
                if (terms.Unusable[k])
                    return (PartialStatus.UnusableTerm, rows, matched);
                matched++;
                for (var t = 0; t < sums.Length; t++)
                    sums[t].Add(terms.Values[t][k]);
            }
        }
        return (PartialStatus.Usable, rows, matched);
    }
}
