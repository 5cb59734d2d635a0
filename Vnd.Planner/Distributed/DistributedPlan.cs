namespace Vnd.Planner.Distributed;

/// <summary>
/// A query split into fragments. The coordinator reads fragment <see cref="Root"/>'s result as the query result;
/// that final delivery is not an exchange (a single-table query has none) but its bytes count in
/// <see cref="PredictedBytesMoved"/>, which is what the plan is chosen by (plus a CPU term in <see cref="PredictedCost"/>).
/// </summary>
public sealed record DistributedPlan(
    IReadOnlyList<PlanFragment> Fragments,
    IReadOnlyList<Exchange> Exchanges,
    IReadOnlyList<JoinDecision> Joins,
    int Root,
    double PredictedBytesMoved,
    double PredictedCost)
{
    public PlanFragment RootFragment => Fragment(Root);

    public PlanFragment Fragment(int id)
    {
        foreach (var fragment in Fragments)
        {
            if (fragment.Id == id)
                return fragment;
        }
        throw new ArgumentOutOfRangeException(nameof(id), $"no fragment {id}");
    }

    public override string ToString()
    {
        var text = new System.Text.StringBuilder();
        foreach (var fragment in Fragments)
        {
            text.Append("Fragment ").Append(fragment.Id).Append(" at ").Append(fragment.Site)
                .Append(fragment.Id == Root ? " (result)" : "").Append('\n').Append(fragment.Plan);
        }
        foreach (var exchange in Exchanges)
            text.Append(exchange).Append('\n');
        return text.ToString();
    }
}
