using Vnd.Planner.Binding;
using Vnd.Planner.Catalog;
using Vnd.Planner.Distributed;
using Vnd.Planner.Logical;
using Vnd.Planner.Rules;
using Vnd.Planner.Tests.Binding;

namespace Vnd.Planner.Tests.Distributed;

/// <summary>
/// The paper's capture points as sites: trace tables "in" and "out" (a VM's ingress and egress, §3.3.1) and
/// hop_a..hop_d along a path (trajectory, §5.3.1), each placed on its own virtual capture point.
/// </summary>
internal static class CapturePoints
{
    public static readonly string[] Tables = ["in", "out", "hop_a", "hop_b", "hop_c", "hop_d"];

    public static Site SiteOf(string table) => new("vm1-" + table.Replace('_', '-'));

    public static LogicalPlan Optimized(string sql)
    {
        var catalog = new InMemoryCatalog(["public"]);
        foreach (var table in Tables)
            catalog.AddTable(new TableDefinition("public", table, TraceCatalog.PacketColumns));
        return Optimizer.Default.Optimize(new Binder(catalog).Bind(sql).Plan).Plan;
    }

    /// <summary>Statistics of a packet table: rows, packet ids spread over [idMin, idMax] with
    /// <paramref name="distinctIds"/> distinct values (fewer than rows when a packet is captured twice).</summary>
    public static TableSiteStatistics Packets(long rows, long idMin, long idMax, long? distinctIds = null) =>
        new(rows, 64, new Dictionary<string, ColumnSiteStatistics>
        {
            ["id"] = new(distinctIds ?? rows, idMin, idMax),
            ["ts"] = new(rows),
        });

    public static Placement Place(params (string Table, TableSiteStatistics Statistics)[] tables)
    {
        var placement = new Placement();
        foreach (var (table, statistics) in tables)
            placement.Place("public", table, SiteOf(table), statistics);
        return placement;
    }

    public static Join FindJoin(LogicalPlan plan)
    {
        Join? found = null;
        PlanWalk.Visit(plan, node => found ??= node as Join);
        return found ?? throw new InvalidOperationException("no join in " + plan);
    }
}
