using Vnd.Capture.Synthetic;
using Vnd.Capture.Synthetic.Demo;
using Xunit.Abstractions;

namespace Vnd.Capture.Tests.Synthetic;

/// <summary>
/// The chain scenario checked from its frames alone, the way the paper's queries would: packet ids joined across
/// capture points (delay), ids missing downstream (loss), data segments and their ACKs (RTT).
/// </summary>
public sealed class ChainTrafficTests(ITestOutputHelper output)
{
    private static readonly ChainTrace Trace = ChainTraffic.Generate();

    private static long PacketId(in TcpSegment s) => s.IpId + ((long)s.Sequence << 16);

    private static Dictionary<long, long> Forward(ChainCapturePoint point)
    {
        var seen = new Dictionary<long, long>();
        foreach (var frame in Trace.Frames(point))
        {
            if (frame.TowardServer)
                seen.Add(PacketId(frame.Segment), frame.TimestampNanos);
        }
        return seen;
    }

    [Fact]
    public void The_same_seed_gives_the_same_frames_and_another_seed_does_not()
    {
        var again = ChainTraffic.Generate();
        var other = ChainTraffic.Generate(new ChainScenarioOptions { Seed = 7 });
        foreach (var point in Enum.GetValues<ChainCapturePoint>())
        {
            Assert.Equal(Trace.Frames(point), again.Frames(point));
            Assert.NotEqual(Trace.Frames(point), other.Frames(point));
        }
    }

    [Fact]
    public void Frames_are_in_time_order_and_sized_for_a_quick_seed()
    {
        foreach (var point in Enum.GetValues<ChainCapturePoint>())
        {
            var frames = Trace.Frames(point);
            output.WriteLine($"{point}: {frames.Count} frames");
            Assert.InRange(frames.Count, 40_000, 150_000);
            for (var i = 1; i < frames.Count; i++)
                Assert.True(frames[i].TimestampNanos >= frames[i - 1].TimestampNanos);
        }
    }

    [Fact]
    public void Packets_are_lost_at_the_ids_only_and_only_after_client2_joins()
    {
        var a = Forward(ChainCapturePoint.A);
        var b = Forward(ChainCapturePoint.B);
        var c = Forward(ChainCapturePoint.C);
        Assert.All(a.Keys, id => Assert.True(b.ContainsKey(id)));
        var lost = b.Where(p => !c.ContainsKey(p.Key)).ToList();
        output.WriteLine($"lost at IDS: {lost.Count} of {b.Count}");
        Assert.Equal(Trace.DroppedAtIds, lost.Count);
        Assert.InRange(lost.Count, 20, b.Count / 10);
        Assert.All(lost, p => Assert.True(p.Value > Trace.Client2JoinNanos));
    }

    [Fact]
    public void The_ids_delay_rises_after_the_join_while_the_re_delay_stays_constant()
    {
        var a = Forward(ChainCapturePoint.A);
        var b = Forward(ChainCapturePoint.B);
        var c = Forward(ChainCapturePoint.C);
        double Mean(IEnumerable<long> values) => values.Select(v => (double)v).DefaultIfEmpty(double.NaN).Average();
        var join = Trace.Client2JoinNanos;
        var reBefore = Mean(a.Where(p => p.Value < join).Select(p => b[p.Key] - p.Value));
        var reAfter = Mean(a.Where(p => p.Value > join + 1_000_000_000).Select(p => b[p.Key] - p.Value));
        var idsBefore = Mean(b.Where(p => p.Value < join && c.ContainsKey(p.Key)).Select(p => c[p.Key] - p.Value));
        var idsAfter = Mean(b.Where(p => p.Value > join + 1_000_000_000 && c.ContainsKey(p.Key)).Select(p => c[p.Key] - p.Value));
        output.WriteLine($"RE {reBefore / 1e6:F3} → {reAfter / 1e6:F3} ms; IDS {idsBefore / 1e6:F3} → {idsAfter / 1e6:F3} ms");
        Assert.InRange(reAfter / reBefore, 0.95, 1.05);
        Assert.True(idsAfter > 5 * idsBefore);
    }

    [Fact]
    public void Both_clients_complete_handshakes_and_closes_and_every_second_segment_is_acknowledged()
    {
        var frames = Trace.Frames(ChainCapturePoint.C);
        Assert.Equal(2, frames.Count(f => f.TowardServer && f.Segment.Flags == TcpFlags.Syn));
        Assert.Equal(2, frames.Count(f => !f.TowardServer && f.Segment.Flags == (TcpFlags.Syn | TcpFlags.Ack)));
        Assert.Equal(2, frames.Count(f => !f.TowardServer && f.Segment.Flags == (TcpFlags.Fin | TcpFlags.Ack)));
        var acks = frames.Where(f => !f.TowardServer).Select(f => (f.Segment.DestinationPort, f.Segment.Acknowledgment)).ToHashSet();
        var data = frames.Where(f => f.TowardServer && f.Segment.PayloadLength > 0).ToList();
        var acknowledged = data.Count(f => acks.Contains((f.Segment.SourcePort, f.Segment.Sequence + (uint)f.Segment.PayloadLength)));
        output.WriteLine($"data {data.Count}, acknowledged exactly {acknowledged}");
        Assert.InRange(acknowledged, data.Count * 4 / 10, data.Count * 7 / 10);
    }

    [Fact]
    public void Heavy_loss_with_timeouts_still_delivers_every_segment_and_closes_both_connections()
    {
        // A two-packet IDS buffer forces retransmission timeouts; after one, a cumulative ACK may cover segments
        // beyond the resent one, and the sender must accept it (it once looped forever here).
        var trace = ChainTraffic.Generate(new ChainScenarioOptions { IdsBufferPackets = 2, Client2JoinNanos = 1_000_000_000, StopNanos = 3_000_000_000 });
        var c = trace.Frames(ChainCapturePoint.C);
        Assert.True(trace.DroppedAtIds > 100);
        Assert.Equal(2, c.Count(f => !f.TowardServer && f.Segment.Flags == (TcpFlags.Fin | TcpFlags.Ack)));
        foreach (var port in c.Where(f => f.TowardServer).Select(f => f.Segment.SourcePort).Distinct())
        {
            var data = c.Where(f => f.TowardServer && f.Segment.SourcePort == port && f.Segment.PayloadLength > 0).Select(f => f.Segment.Sequence).ToHashSet();
            var fin = c.Single(f => f.TowardServer && f.Segment.SourcePort == port && (f.Segment.Flags & TcpFlags.Fin) != 0 && f.Segment.Flags != TcpFlags.Ack).Segment;
            var syn = c.First(f => f.TowardServer && f.Segment.SourcePort == port && f.Segment.Flags == TcpFlags.Syn).Segment;
            Assert.Equal((fin.Sequence - syn.Sequence - 1) / 1448, (uint)data.Count);
        }
    }
}
