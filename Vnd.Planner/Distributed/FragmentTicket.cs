using Vnd.Planner.Logical;

namespace Vnd.Planner.Distributed;

/// <summary>
/// What a table server is asked to run: a fragment's plan, the site it runs at, and where each of its exchange
/// inputs comes from. Encoded by <see cref="FragmentCodec"/> into an Arrow Flight ticket.
/// </summary>
public sealed record FragmentTicket(Site Site, LogicalPlan Plan, IReadOnlyList<FragmentInput> Inputs)
{
    /// <summary>
    /// The coordinator's statement and transaction times the fragment's now() and the like fold to; null only for a
    /// ticket encoded to check that it can be (then the site would use its own clock).
    /// </summary>
    public StatementTimes? Times { get; init; }

    public FragmentInput? Input(int producer)
    {
        foreach (var input in Inputs)
        {
            if (input.Producer == producer)
                return input;
        }
        return null;
    }
}
