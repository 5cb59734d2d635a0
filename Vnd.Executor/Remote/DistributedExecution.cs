using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Planner.Distributed;
using Vnd.Planner.Logical;

namespace Vnd.Executor.Remote;

/// <summary>
/// How a coordinator runs a query over table servers: every trace table at its capture point
/// (<paramref name="placement"/>), reached at the endpoint of that site through <paramref name="transport"/>.
/// The cost-based <see cref="DistributedPlanner"/> splits the query when every fragment it ships can run at a
/// table server; otherwise <see cref="CoordinatorPlan"/> ships only the scans and keeps the rest at the coordinator,
/// so a query never fails for being distributed where it ran before. Without <paramref name="pushdown"/>
/// (<c>vnd serve --no-pushdown</c>) every query takes that coordinator plan with bare scans: nothing but reading
/// rows happens at a table server, a baseline for telling a pushdown bug from any other. A site in
/// <paramref name="unavailable"/> (its table server is known to be down, with the reason) keeps its tables placed,
/// so EXPLAIN still works, but a query with a fragment there fails at once with 08006 naming the capture point
/// instead of waiting for a connection to time out. <paramref name="joins"/> restricts the strategies of joins
/// across sites (the session's <c>vnd.join_strategy</c>, see <see cref="With"/>). <paramref name="clock"/> is the
/// coordinator's (the system's unless given): a statement's time is read from it once and shipped to every fragment.
/// </summary>
public sealed class DistributedExecution(Placement placement, IReadOnlyDictionary<Site, Uri> endpoints, IFragmentTransport transport,
    CostModel? model = null, bool pushdown = true, IReadOnlyDictionary<Site, string>? unavailable = null,
    JoinStrategyChoice joins = JoinStrategyChoice.Auto, TimeProvider? clock = null)
{
    public Placement Placement => placement;

    /// <summary>The same sites planning joins across them with <paramref name="choice"/>.</summary>
    public DistributedExecution With(JoinStrategyChoice choice) =>
        choice == joins ? this : new DistributedExecution(placement, endpoints, transport, model, pushdown, unavailable, choice, clock);

    /// <summary>The fragments, sites and exchanges <paramref name="plan"/> runs as, with its parameters' values bound.</summary>
    public DistributedPlan Plan(LogicalPlan plan, IReadOnlyList<BoundLiteral>? parameters = null)
    {
        var bound = PlanRewrite.BindParameters(plan, parameters);
        if (!pushdown)
            return CoordinatorPlan.Build(bound, placement, shipFilters: false);
        return Distribute(bound) ?? CoordinatorPlan.Build(bound, placement);
    }

    /// <summary>
    /// The query as the operators the coordinator pulls; <paramref name="coordinatorTables"/> answers the scans that
    /// no table server holds (system catalogs and the like). <paramref name="transactionStart"/> is the open
    /// transaction block's start (now() in it), null outside a block; <paramref name="zone"/> the session's TimeZone.
    /// </summary>
    public PhysicalOperator Physical(LogicalPlan plan, IReadOnlyList<BoundLiteral>? parameters, Func<Scan, IBatchSource> coordinatorTables,
        DateTime? transactionStart = null, TimeZoneInfo? zone = null) =>
        new DistributedQuery(Reachable(Plan(plan, parameters)), endpoints, transport, coordinatorTables, parameters, Times(transactionStart, zone)).Root();

    /// <summary>
    /// Whether none of <paramref name="scans"/> (a plan's, subqueries included) reads a table a table server holds:
    /// such a plan would become one coordinator fragment, run by the same <see cref="PhysicalPlanning.PhysicalPlanner"/>
    /// over the coordinator's tables, so a caller may plan it so directly.
    /// </summary>
    public bool AllAtCoordinator(IReadOnlyList<Scan> scans)
    {
        foreach (var scan in scans)
        {
            if (ExchangeScan.TryGetProducer(scan, out _) || placement.Find(scan.Schema, scan.Table) is { Site.IsCoordinator: false })
                return false;
        }
        return true;
    }

    /// <summary>EXPLAIN ANALYZE: the same plan as <see cref="Physical"/>, with every exchange measured.</summary>
    public DistributedAnalysis Analyze(DistributedPlan plan, IReadOnlyList<BoundLiteral>? parameters, Func<Scan, IBatchSource> coordinatorTables,
        DateTime? transactionStart = null, TimeZoneInfo? zone = null) =>
        new(new DistributedQuery(Reachable(plan), endpoints, transport, coordinatorTables, parameters, Times(transactionStart, zone)));

    /// <summary>This statement's times, read once from the coordinator's clock, and the session's zone (UTC when null).</summary>
    private StatementTimes Times(DateTime? transactionStart, TimeZoneInfo? zone) =>
        new(SpecialDateTimes.Clock(clock ?? TimeProvider.System), transactionStart, (zone ?? TimeZoneInfo.Utc).Id);

    /// <summary><paramref name="plan"/>, or 08006 naming the first capture point of it whose table server is down.</summary>
    private DistributedPlan Reachable(DistributedPlan plan)
    {
        if (unavailable is { Count: > 0 })
        {
            foreach (var fragment in plan.Fragments)
            {
                if (unavailable.TryGetValue(fragment.Site, out var reason))
                    throw new ExecutionException(RemoteSqlStates.ConnectionFailure, $"the table server of capture point \"{fragment.Site}\" is down ({reason})");
            }
        }
        return plan;
    }

    private DistributedPlan? Distribute(LogicalPlan plan)
    {
        foreach (var scan in PlanRewrite.Scans(plan))
        {
            // Subqueries hide scans from the planner's site analysis; the coordinator plan handles them.
            if (!ExchangeScan.TryGetProducer(scan, out _) && placement.Find(scan.Schema, scan.Table) is null)
                return null;
        }
        if (HasSubquery(plan))
            return null;
        DistributedPlan distributed;
        try
        {
            distributed = new DistributedPlanner(placement, model, joins).Plan(plan);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        var query = new DistributedQuery(distributed, endpoints, transport);
        foreach (var fragment in distributed.Fragments)
        {
            if (fragment.Site.IsCoordinator)
                continue;
            try
            {
                FragmentCodec.Encode(query.Ticket(fragment.Id));
            }
            catch (FragmentFormatException)
            {
                return null;
            }
        }
        return distributed;
    }

    private static bool HasSubquery(LogicalPlan plan)
    {
        var found = false;
        PlanWalk.Visit(plan, node =>
        {
            foreach (var expr in PlanWalk.Expressions(node))
                found |= ExprWalk.Any(expr, e => e is BoundSubquery);
        });
        return found;
    }
}
