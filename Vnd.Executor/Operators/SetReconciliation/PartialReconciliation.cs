using Vnd.Executor.Execution;

namespace Vnd.Executor.Operators.SetReconciliation;

/// <summary>
/// The work of a <see cref="ReconciledPartialOperator"/>: receive the other site's key table, build the same over the
/// input's non-NULL keys while collecting them for the uniqueness check, subtract and peel (with unique keys every
/// peeled key has net count +1, only here, or −1, only there; anything else is a duplicate at the other site), then
/// sum the terms over the rows whose key is not only here. A table that does not peel is retried with the other
/// site's table of twice the cells (another pass over the input).
/// </summary>
internal sealed class PartialReconciliation(ReconciledPartialOperator plan, QueryContext context)
{
    private readonly IntegerKeyReader _keys = new(plan.Key);

    public (PartialSummary Summary, List<long> OnlyThere) Run()
    {
        long rows;
        Dictionary<long, long>? difference;
        using (var uniqueness = new KeyUniqueness(context.Memory))
        {
            (rows, difference) = Peel(plan.Sketch, plan.Cells, uniqueness);
            if (!uniqueness.AllDistinct())
                return Failed(PartialStatus.DuplicateKeys, rows);
        }
        difference ??= Peel(plan.Retry, plan.RetryCells, null).Difference;
        if (difference is null)
            return Failed(PartialStatus.NotPeeled, rows);
        var onlyHere = new HashSet<long>();
        var onlyThere = new List<long>();
        foreach (var (key, net) in difference)
        {
            if (net == 1)
                onlyHere.Add(key);
            else if (net == -1)
                onlyThere.Add(key);
            else
                return Failed(PartialStatus.DuplicateKeys, rows);
        }
        var terms = new TermReader(plan.Terms);
        var sums = new TermSummary[terms.Count];
        Array.Fill(sums, TermSummary.Empty);
        var (status, _, _) = MatchedSums.Add(plan.Input, context, _keys, terms, onlyHere, sums, null);
        return (new PartialSummary(status, rows, onlyHere.Count, onlyThere.Count, sums), onlyThere);
    }

    private static (PartialSummary, List<long>) Failed(PartialStatus status, long rows) => (new PartialSummary(status, rows, 0, 0, []), []);

    /// <summary>Receives a table of <paramref name="cells"/>, subtracts one over the input's keys and peels: null when it does not.</summary>
    private (long Rows, Dictionary<long, long>? Difference) Peel(PhysicalOperator sketch, int cells, KeyUniqueness? uniqueness)
    {
        using var theirs = new InvertibleBloomLookupTable(cells, context.Memory);
        using var mine = new InvertibleBloomLookupTable(cells, context.Memory);
        SketchReceiver.Receive(sketch, theirs, context);
        long rows = 0;
        using (var input = plan.Input.Open(context))
        {
            while (input.Next() is { } batch)
            {
                context.CheckCancelled();
                var count = _keys.Read(batch);
                for (var k = 0; k < count; k++)
                {
                    if (_keys.IsNull[k])
                        continue;
                    mine.Add(_keys.Values[k]);
                    uniqueness?.Add(_keys.Values[k]);
                    rows++;
                }
            }
        }
        mine.Subtract(theirs);
        var difference = new Dictionary<long, long>();
        return (rows, mine.Peel(difference) ? difference : null);
    }
}
