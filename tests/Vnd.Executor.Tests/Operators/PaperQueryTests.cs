using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Aggregates;
using Vnd.Executor.Operators.Joins;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators;

/// <summary>The diagnosis queries of the paper's §3.3.1 as operator trees over a 200k-row In/Out pair.</summary>
public class PaperQueryTests
{
    private static readonly (List<TracePacket> In, List<TracePacket> Out) Data = TracePacket.Generate(200_000, seed: 2024);
    private static readonly InMemoryTable In = TracePacket.Table(Data.In);
    private static readonly InMemoryTable Out = TracePacket.Table(Data.Out);

    private static Expression Col(string name) => Expr.Column(Array.IndexOf(TracePacket.Names, name), TracePacket.Types[Array.IndexOf(TracePacket.Names, name)], name);

    private static Expression Ip(uint address) => Expr.Constant(InetValue.FromV4(address), SqlType.Inet4);

    [Fact]
    public void Filter_select_star_where_field_equals_value()
    {
        var plan = new FilterOperator(Plans.Scan(In), Expr.Equal(Col("srcport"), Expr.Constant(40003, SqlType.Int4)));
        var expected = Data.In.Where(p => p.SrcPort == 40003).Select(p => p.Id).Order().ToList();
        Assert.Equal(expected, Plans.Run(plan).Select(r => (long)r[1]!).Order().ToList());
    }

    [Fact]
    public void Statistics_count_per_field_and_total()
    {
        var perPort = new HashAggregateOperator(Plans.Scan(In), [Col("dstport")], [AggregateCall.CountStar()]);
        var total = new HashAggregateOperator(Plans.Scan(In), [], [AggregateCall.CountStar()]);
        var expected = Data.In.GroupBy(p => p.DstPort).Select(g => new object?[] { g.Key, (long)g.Count() });
        Assert.Equal(Plans.Sorted(expected), Plans.Sorted(Plans.Run(perPort)));
        Assert.Equal((long)Data.In.Count, Plans.Run(total).Single()[0]);
    }

    [Fact]
    public void Groups_select_distinct_five_tuple()
    {
        var plan = new HashAggregateOperator(Plans.Scan(In), [Col("srcip"), Col("dstip"), Col("srcport"), Col("dstport")], []);
        var expected = Data.In.Select(p => (p.Src, p.Dst, p.SrcPort, p.DstPort)).Distinct().Count();
        var rows = Plans.Run(plan);
        Assert.Equal(expected, rows.Count);
        Assert.Equal(rows.Count, rows.Select(Plans.Key).Distinct().Count());
    }

    [Fact]
    public void Throughput_sum_of_payload_per_ceil_second()
    {
        var ceil = Expr.Function("ceil", Col("ts"));
        var plan = new HashAggregateOperator(Plans.Scan(In), [ceil], [new AggregateCall(AggregateKind.Sum, Col("payload_length"))]);
        var expected = Data.In.GroupBy(p => Math.Ceiling(p.Ts)).Select(g => new object?[] { g.Key, g.Sum(p => (long)p.Length) });
        Assert.Equal(Plans.Sorted(expected), Plans.Sorted(Plans.Run(plan)));
    }

    [Fact]
    public void Rtt_self_join_on_seq_plus_length_equals_ack()
    {
        var forward = new FilterOperator(Plans.Scan(In), Expr.And(Expr.Equal(Col("srcip"), Ip(TracePacket.Client)), Expr.Equal(Col("dstip"), Ip(TracePacket.Server))));
        var backward = new FilterOperator(Plans.Scan(In), Expr.And(Expr.Equal(Col("dstip"), Ip(TracePacket.Client)), Expr.Equal(Col("srcip"), Ip(TracePacket.Server))));
        var join = new HashJoinOperator(backward, forward, [Col("ack")], [Expr.Add(Col("seq"), Col("payload_length"))], JoinType.Inner);
        // Joined row: backward (b) columns 0..8, forward (f) columns 9..17; t2 - t1 = b.ts - f.ts.
        var rtt = Expr.Subtract(Expr.Column(0, SqlType.Float8), Expr.Column(9, SqlType.Float8));
        var plan = new HashAggregateOperator(join, [], [new AggregateCall(AggregateKind.Avg, rtt), AggregateCall.CountStar()]);
        var f = Data.In.Where(p => p.Src == TracePacket.Client && p.Dst == TracePacket.Server).ToList();
        var b = Data.In.Where(p => p.Dst == TracePacket.Client && p.Src == TracePacket.Server).ToLookup(p => p.Ack);
        var pairs = f.SelectMany(x => b[x.Seq + x.Length].Select(y => y.Ts - x.Ts)).ToList();
        Assert.NotEmpty(pairs);
        var row = Plans.Run(plan).Single();
        Assert.Equal((long)pairs.Count, row[1]);
        Assert.Equal(pairs.Average(), (double)row[0]!, 9);
    }

    [Fact]
    public void One_hop_delay_joins_in_and_out_on_packet_id()
    {
        var join = new HashJoinOperator(Plans.Scan(Out), Plans.Scan(In), [Col("id")], [Col("id")], JoinType.Inner);
        var delay = Expr.Subtract(Expr.Column(0, SqlType.Float8), Expr.Column(9, SqlType.Float8));
        var plan = new HashAggregateOperator(join, [], [new AggregateCall(AggregateKind.Avg, delay), AggregateCall.CountStar()]);
        var byId = Data.In.ToDictionary(p => p.Id);
        var delays = Data.Out.Select(o => o.Ts - byId[o.Id].Ts).ToList();
        var row = Plans.Run(plan).Single();
        Assert.Equal((long)delays.Count, row[1]);
        Assert.Equal(delays.Average(), (double)row[0]!, 9);
    }

    [Fact]
    public void Packet_loss_is_in_not_in_out_streamed_through_a_gather()
    {
        var notIn = new HashJoinOperator(Plans.Scan(In), new ProjectOperator(Plans.Scan(Out), [Col("id")]), [Col("id")], [Expr.Column(0, SqlType.Int8)], JoinType.NullAwareAnti);
        var plan = new GatherOperator(notIn);
        var outIds = Data.Out.Select(p => p.Id).ToHashSet();
        var expected = Data.In.Where(p => !outIds.Contains(p.Id)).Select(p => p.Id).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Plans.Run(plan).Select(r => (long)r[1]!).Order().ToList());
    }
}
