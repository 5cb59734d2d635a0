using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Planner.Distributed;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Executor.Remote;

/// <summary>
/// The coordinator's side of a distributed plan: every fragment becomes a ticket for its site (with the tickets
/// of its exchange inputs nested, so a table server pulls its inputs itself), and the root's result is read as
/// the query result — run locally when the root is at the coordinator, streamed from its site otherwise.
/// <paramref name="coordinatorTables"/> answers the scans the coordinator runs itself (none when null). Every ticket
/// carries <paramref name="times"/> (by default the coordinator's clock when the query is made), so each site folds
/// now() and statement_timestamp() to the same instants.
/// </summary>
public sealed class DistributedQuery(DistributedPlan plan, IReadOnlyDictionary<Site, Uri> endpoints, IFragmentTransport transport,
    Func<Scan, IBatchSource>? coordinatorTables = null, IReadOnlyList<BoundLiteral>? parameters = null, StatementTimes? times = null)
{
    private readonly StatementTimes _times = times ?? new(SpecialDateTimes.Clock(), null);

    public DistributedQuery(DistributedPlan plan, IReadOnlyDictionary<Site, Uri> endpoints, TableServerConnections connections)
        : this(plan, endpoints, new FlightFragmentTransport(connections))
    {
    }

    public DistributedPlan Plan => plan;

    /// <summary>The operators the coordinator pulls; with <paramref name="actuals"/> every exchange is measured into it.</summary>
    public PhysicalOperator Root(ExchangeActuals? actuals = null)
    {
        var root = plan.RootFragment;
        var ticket = Ticket(root.Id);
        if (root.Site.IsCoordinator)
            return new FragmentRunner(coordinatorTables, transport, parameters, actuals).Plan(ticket);
        // A root at a table server is read through a one-node coordinator fragment, the same path as any exchange.
        var reader = new FragmentTicket(Site.Coordinator, ExchangeScan.Create(root.Id, root.Plan.Output),
            [new FragmentInput(root.Id, root.Site, Endpoint(root.Site).ToString(), ticket)]) { Times = _times };
        return new FragmentRunner(null, transport, null, actuals).Plan(reader);
    }

    /// <summary>Fragment <paramref name="id"/>'s ticket, inputs included.</summary>
    public FragmentTicket Ticket(int id)
    {
        var fragment = plan.Fragment(id);
        var inputs = new List<FragmentInput>();
        foreach (var exchange in plan.Exchanges)
        {
            if (exchange.Consumer == id)
                inputs.Add(new FragmentInput(exchange.Producer, exchange.From, Endpoint(exchange.From).ToString(), Ticket(exchange.Producer)));
        }
        return new FragmentTicket(fragment.Site, fragment.Plan, inputs) { Times = _times };
    }

    public SqlList<Vnd.Planner.Logical.PlanColumn> Output => plan.RootFragment.Plan.Output;

    private Uri Endpoint(Site site) =>
        endpoints.TryGetValue(site, out var endpoint)
            ? endpoint
            : throw new ExecutionException(RemoteSqlStates.ConnectionFailure, $"no table server is registered for capture point \"{site}\"");
}
