using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Distributed;

/// <summary>
/// The plan for a query the table servers cannot run whole (a window, a subquery, a system catalog beside a trace
/// table): each trace-table scan becomes a fragment at its capture point — with the filters that only need the
/// scanned columns and can be encoded, so only matching rows move — and everything else runs at the coordinator
/// over those exchanges. Slower than <see cref="DistributedPlanner"/>'s plans, never wrong, and it goes through the
/// same tickets and exchanges.
/// </summary>
public static class CoordinatorPlan
{
    private const int RootId = 0;

    public static DistributedPlan Build(LogicalPlan plan, Placement placement)
    {
        var fragments = new List<PlanFragment>();
        var exchanges = new List<Exchange>();
        var root = PlanRewrite.Nodes(plan, node =>
        {
            if (node is not Scan scan || ExchangeScan.TryGetProducer(scan, out _) || placement.Find(scan.Schema, scan.Table) is not { } table
                || table.Site.IsCoordinator)
                return null; // read here, through the coordinator's own tables (an offline import, a temporary table)
            var (shipped, kept) = Split(scan, table.Site);
            var producer = scan with { Filters = SqlList.From(shipped) };
            var id = fragments.Count + 1;
            var estimator = new Estimator(producer, placement);
            var rows = estimator.Rows(producer);
            var bytes = rows * estimator.RowWidth(producer);
            fragments.Add(new PlanFragment(id, table.Site, producer, rows, bytes));
            exchanges.Add(new Exchange(id, RootId, table.Site, Site.Coordinator, ExchangeKind.Rows, rows, bytes));
            LogicalPlan read = ExchangeScan.Create(id, scan.Output);
            return ExprWalk.Conjoin(kept) is { } residual ? new Filter(read, residual) : read;
        });
        var moved = exchanges.Sum(e => e.PredictedBytes);
        fragments.Insert(0, new PlanFragment(RootId, Site.Coordinator, root, 0, 0));
        return new DistributedPlan(fragments, exchanges, [], RootId, moved, moved);
    }

    /// <summary>Filters the table server can apply (own columns only, encodable) and those left to the coordinator.</summary>
    private static (List<BoundExpr> Shipped, List<BoundExpr> Kept) Split(Scan scan, Site site)
    {
        var own = PlanWalk.Produced(scan);
        var (shipped, kept) = (new List<BoundExpr>(), new List<BoundExpr>());
        foreach (var filter in scan.Filters)
        {
            var local = ExprWalk.Columns(filter).IsSubsetOf(own) && !ExprWalk.Any(filter, e => e is BoundSubquery or BoundParameter);
            (local && Encodes(scan, filter, site) ? shipped : kept).Add(filter);
        }
        return (shipped, kept);
    }

    private static bool Encodes(Scan scan, BoundExpr filter, Site site)
    {
        try
        {
            FragmentCodec.Encode(new FragmentTicket(site, scan with { Filters = SqlList.Create([filter]) }, []));
            return true;
        }
        catch (FragmentFormatException)
        {
            return false;
        }
    }
}
