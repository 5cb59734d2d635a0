using Apache.Arrow.Flight;
using Apache.Arrow.Flight.Client;
using Grpc.Core;
using Grpc.Net.Client;
using Vnd.Executor;
using Vnd.Executor.Remote;
using Vnd.Planner.Distributed;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>The table server's Flight surface: the shared token, table statistics, bad tickets.</summary>
public sealed class TableServerProtocolTests(TwoCapturePoints sites) : IClassFixture<TwoCapturePoints>
{
    [Fact]
    public async Task A_wrong_token_is_rejected_with_28000()
    {
        using var client = new TableServerClient(TwoCapturePoints.In, sites.InServer.Endpoint, "not-the-token");
        var error = await Assert.ThrowsAsync<ExecutionException>(() => client.ListTablesAsync());
        Assert.Equal(RemoteSqlStates.InvalidAuthorization, error.SqlState);
        Assert.Contains("\"vm1-in\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_table_server_is_named_by_its_capture_point_never_by_its_address()
    {
        // A port nothing listens on ("Error connecting to subchannel."), and the detail gRPC gives when a server that
        // was reachable is gone, which names the address: the operator's infrastructure, never for a tenant's eyes.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new TableServerClient(TwoCapturePoints.In, new Uri($"http://127.0.0.1:{port}"), "token");
        var refused = await Assert.ThrowsAsync<ExecutionException>(() => client.ListTablesAsync());
        var gone = client.Translate(new RpcException(new Status(StatusCode.Unavailable,
            $"Error starting gRPC call. HttpRequestException: Connection refused (127.0.0.1:{port}) SocketException: Connection refused")), default);
        foreach (var error in new[] { refused, gone })
        {
            Assert.Equal(RemoteSqlStates.ConnectionFailure, error.SqlState);
            Assert.Contains("\"vm1-in\"", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("127.0.0.1", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated_even_for_a_valid_ticket()
    {
        using var channel = GrpcChannel.ForAddress(sites.InServer.Endpoint);
        var flight = new FlightClient(channel);
        var ticket = FragmentCodec.Encode(new FragmentTicket(TwoCapturePoints.In, Optimized("select id from ingress"), []));
        using var call = flight.GetStream(new FlightTicket(ticket));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        var list = flight.ListFlights(new FlightCriteria());
        Assert.Equal(StatusCode.Unauthenticated,
            (await Assert.ThrowsAsync<RpcException>(() => list.ResponseStream.MoveNext(CancellationToken.None))).StatusCode);
    }

    [Fact]
    public async Task Statistics_come_from_the_manifest()
    {
        var client = sites.Connections.For(TwoCapturePoints.Out, sites.OutServer.Endpoint);
        var info = Assert.Single(await client.ListTablesAsync());
        var placement = FlightStatistics.Placement(info, TwoCapturePoints.Out);

        var store = new Vnd.Executor.Storage.TraceTableStore(sites.Combined);
        var table = store.OpenTable(new Vnd.Executor.Storage.TableRef("t1", "egress"));
        Assert.Equal(("t1", "egress", TwoCapturePoints.Out), (placement.Schema, placement.Table, placement.Site));
        Assert.Equal(table.RowCount, placement.Statistics.Rows);
        Assert.Equal((double)table.ByteSize / table.RowCount, placement.Statistics.BytesPerRow, 6);
        var port = placement.Statistics.Column("dst_port")!;
        Assert.Equal(Scalar<int>("select min(dst_port) from egress"), port.Min);
        Assert.Equal(Scalar<int>("select max(dst_port) from egress"), port.Max);
        // Distinct counts come from the segments' HyperLogLog sketches: near exact at this size.
        var distinctPorts = Scalar<long>("select count(distinct dst_port) from egress");
        Assert.InRange(port.DistinctCount!.Value, distinctPorts * 0.98, distinctPorts * 1.02);
        var distinctIds = Scalar<long>("select count(distinct id) from egress");
        Assert.InRange(placement.Statistics.Column("id")!.DistinctCount!.Value, distinctIds * 0.98, distinctIds * 1.02);

        var single = await client.TableAsync("t1", "egress");
        Assert.Equal(info.TotalRecords, single.TotalRecords);
        var missing = await Assert.ThrowsAsync<ExecutionException>(() => client.TableAsync("t1", "nosuch"));
        Assert.Equal("42P01", missing.SqlState);
    }

    [Fact]
    public async Task A_malformed_ticket_fails_with_08P01()
    {
        var client = sites.Connections.For(TwoCapturePoints.In, sites.InServer.Endpoint);
        var source = new RemoteBatchSource(client, [0x56, 0x4E, 0x44, 0x46, 1, 0xFF], ["x"], [Vnd.Planner.Types.SqlType.Int8]);
        using var context = new Vnd.Executor.Execution.QueryContext();
        using var reader = source.Open([0], 0, 1, context);
        var error = Assert.Throws<ExecutionException>(() => reader.Next());
        Assert.Equal("08P01", error.SqlState);
        await Task.CompletedTask;
    }

    private long Scalar<T>(string sql) => Convert.ToInt64(Assert.Single(new Vnd.Engine.Sessions.QueryRunner(
        new Vnd.Executor.Storage.TraceTableStore(sites.Combined), "t1").Run(sql).Rows)[0], System.Globalization.CultureInfo.InvariantCulture);

    private Vnd.Planner.Logical.LogicalPlan Optimized(string sql) =>
        Vnd.Planner.Rules.Optimizer.Default.Optimize(new Vnd.Planner.Binding.Binder(
            new Vnd.Engine.Catalog.TraceCatalog(new Vnd.Executor.Storage.TraceTableStore(sites.Combined), "t1")).Bind(sql).Plan).Plan;
}
