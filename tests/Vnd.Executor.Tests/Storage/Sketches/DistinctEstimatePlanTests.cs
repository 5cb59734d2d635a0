using Vnd.Executor.Remote;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;
using Vnd.Planner.Binding;
using Vnd.Planner.Catalog;
using Vnd.Planner.Distributed;
using Vnd.Planner.Rules;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Storage.Sketches;

/// <summary>
/// The planner's choice for the paper's loss query follows the distinct counts the storage's sketches report:
/// the egress trace holds every packet four times (retransmissions), so its distinct ids are a quarter of its rows.
/// </summary>
public sealed class DistinctEstimatePlanTests : IDisposable
{
    private const string Loss = "select count(*) from \"in\" where id not in (select id from out)";
    private static readonly TableSchema Packets = new([new ColumnSchema("id", SqlType.Int8), new ColumnSchema("len", SqlType.Int4)]);
    private readonly TempDataDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private TraceTable Write(string table, int rows, int copies)
    {
        var store = new TraceTableStore(_dir.Path);
        using (var writer = store.CreateWriter(new TableRef("public", table), Packets, new TraceTableWriterOptions { RowsPerSegment = 100_000 }))
        {
            var (id, len) = (writer.GetBuilder<Int64ColumnBuilder>(0), writer.GetBuilder<Int32ColumnBuilder>(1));
            for (var i = 0; i < rows; i++)
            {
                id.Append(i / copies);
                len.Append(i % 1500);
                writer.EndRow();
            }
        }
        return store.OpenTable(new TableRef("public", table));
    }

    private static JoinDecision PlanLoss(TraceTable ingress, TraceTable egress)
    {
        var catalog = new InMemoryCatalog(["public"]);
        foreach (var name in (string[])["in", "out"])
            catalog.AddTable(new TableDefinition("public", name, [new("id", SqlType.Int8), new("len", SqlType.Int4)]));
        var plan = Optimizer.Default.Optimize(new Binder(catalog).Bind(Loss).Plan).Plan;
        var placement = new Placement()
            .Place(FlightStatistics.Placement(FlightStatistics.Describe(ingress, null), new Site("vm1-in")))
            .Place(FlightStatistics.Placement(FlightStatistics.Describe(egress, null), new Site("vm1-out")));
        return Assert.Single(new DistributedPlanner(placement).Plan(plan).Joins);
    }

    [Fact]
    public void Few_distinct_egress_ids_make_shipping_only_the_keys_cheapest()
    {
        // 200k ingress ids (1.6 MB) against 400k egress rows with 100k distinct ids (0.8 MB of keys).
        var join = PlanLoss(Write("in", 200_000, 1), Write("out", 400_000, 4));
        Assert.Equal((JoinStrategy.ShipRightKeys, new Site("vm1-in")), (join.Strategy, join.Site));
    }

    [Fact]
    public void Without_sketches_the_planner_assumes_every_egress_id_distinct_and_ships_ingress()
    {
        var ingress = Write("in", 200_000, 1);
        var egress = Write("out", 400_000, 4);
        var placement = FlightStatistics.Placement(FlightStatistics.Describe(egress, null), new Site("vm1-out"));
        Assert.InRange(placement.Statistics.Column("id")!.DistinctCount!.Value, 96_000, 104_000);

        // The same tables as segments written before sketches existed report no distinct count.
        ManifestEdits.StripSketches(egress.Directory);
        var join = PlanLoss(ingress, new TraceTableStore(_dir.Path).OpenTable(egress.Ref));
        Assert.Equal((JoinStrategy.ShipLeft, new Site("vm1-out")), (join.Strategy, join.Site));
    }
}
