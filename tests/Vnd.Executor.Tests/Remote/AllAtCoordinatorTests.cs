using Vnd.Executor.Remote;
using Vnd.Planner.Distributed;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Executor.Tests.Remote;

/// <summary>
/// Which plans a session may plan locally instead of through the distributed planner: only those whose every scan
/// reads a table at the coordinator (an offline import) or one no table server holds (a system catalog).
/// </summary>
public sealed class AllAtCoordinatorTests
{
    private static readonly TableSiteStatistics Rows = new(1000, 64, new Dictionary<string, ColumnSiteStatistics>());

    private static readonly DistributedExecution Sites = new(
        new Placement()
            .Place("t", "imported", Site.Coordinator, Rows)
            .Place("t", "captured", new Site("link A at re"), Rows),
        new Dictionary<Site, Uri>(), new InProcessFragmentTransport());

    private static Scan Of(string schema, string table) =>
        new(schema, table, SqlList<ScanColumn>.Empty, SqlList<BoundExpr>.Empty, SqlList<ColumnRange>.Empty);

    [Fact]
    public void Tables_at_the_coordinator_or_unplaced_are_local()
    {
        Assert.True(Sites.AllAtCoordinator([Of("t", "imported")]));
        Assert.True(Sites.AllAtCoordinator([Of("t", "imported"), Of("pg_catalog", "pg_class")]));
        Assert.True(Sites.AllAtCoordinator([]));
    }

    [Fact]
    public void A_table_at_a_capture_point_or_an_exchange_is_not()
    {
        Assert.False(Sites.AllAtCoordinator([Of("t", "captured")]));
        Assert.False(Sites.AllAtCoordinator([Of("t", "imported"), Of("t", "captured")]));
        Assert.False(Sites.AllAtCoordinator([ExchangeScan.Create(1, SqlList<PlanColumn>.Empty)]));
    }
}
