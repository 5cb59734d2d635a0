using Vnd.Planner.Logical;

namespace Vnd.Planner.Distributed;

/// <summary>
/// What a table server is asked to run: a fragment's plan, the site it runs at, and where each of its exchange
/// inputs comes from. Encoded by <see cref="FragmentCodec"/> into an Arrow Flight ticket.
/// </summary>
public sealed record FragmentTicket(Site Site, LogicalPlan Plan, IReadOnlyList<FragmentInput> Inputs)
{
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
