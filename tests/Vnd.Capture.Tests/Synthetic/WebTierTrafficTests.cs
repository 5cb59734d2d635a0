using System.Globalization;
using Vnd.Capture.Synthetic;
using Vnd.Capture.Synthetic.Demo;

namespace Vnd.Capture.Tests.Synthetic;

public sealed class WebTierTrafficTests
{
    private static readonly WebTierTrace Trace = WebTierTraffic.Generate();

    private static long PacketId(in TcpSegment s) => s.IpId + ((long)s.Sequence << 16);

    [Fact]
    public void Every_packet_entering_the_lb_leaves_it_with_its_packet_id_and_rewritten_addresses()
    {
        var o = new WebTierOptions();
        var output = Trace.Output.ToDictionary(f => (f.TowardServer, PacketId(f.Segment)));
        Assert.Equal(Trace.Input.Count, output.Count);
        foreach (var input in Trace.Input)
        {
            var leaving = output[(input.TowardServer, PacketId(input.Segment))];
            Assert.InRange(leaving.TimestampNanos - input.TimestampNanos, o.LbLatencyNanos, o.LbLatencyNanos + o.LbJitterNanos);
            if (input.TowardServer)
            {
                Assert.Equal(o.VirtualAddress, input.Segment.DestinationIp);
                Assert.Contains(leaving.Segment.DestinationIp, o.Backends);
                Assert.Equal(input.Segment.SourceIp, leaving.Segment.SourceIp);
            }
            else
            {
                Assert.Equal(o.VirtualAddress, leaving.Segment.SourceIp);
                Assert.Equal(input.Segment.DestinationIp, leaving.Segment.DestinationIp);
            }
        }
    }

    [Fact]
    public void Connections_alternate_between_the_backends_on_port_80_and_are_deterministic()
    {
        var syns = Trace.Output.Where(f => f.Segment.Flags == TcpFlags.Syn).ToList();
        Assert.Equal(Trace.Connections, syns.Count);
        Assert.Equal(500, syns.Count);
        var o = new WebTierOptions();
        Assert.Equal(syns.Count / 2, syns.Count(f => f.Segment.DestinationIp == o.Backends[0]));
        Assert.All(Trace.Input, f => Assert.Equal(80, f.TowardServer ? f.Segment.DestinationPort : f.Segment.SourcePort));
        Assert.Equal(Trace.Input, WebTierTraffic.Generate().Input);
        for (var i = 1; i < Trace.Input.Count; i++)
            Assert.True(Trace.Input[i].TimestampNanos >= Trace.Input[i - 1].TimestampNanos);
    }

    [Fact]
    public void Tshark_reads_the_chain_pcap_with_the_generated_header_values()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vnd-chain-{Guid.NewGuid():N}.pcap");
        try
        {
            var trace = ChainTraffic.Generate();
            var frames = trace.Frames(ChainCapturePoint.B);
            Assert.Equal(frames.Count, ChainTraffic.WritePcap(trace, ChainCapturePoint.B, path));
            var lines = BulkTcpTrafficTests.Tshark(path, "-e", "frame.time_epoch", "-e", "ip.src", "-e", "ip.dst", "-e", "tcp.seq_raw",
                "-e", "tcp.ack_raw", "-e", "tcp.len", "-e", "ip.id", "-e", "ip.ttl", "-e", "eth.dst");
            Assert.Equal(frames.Count, lines.Length);
            for (var i = 0; i < lines.Length; i += 97)
            {
                var f = lines[i].Split('\t');
                var s = frames[i].Segment;
                var t = frames[i].TimestampNanos;
                Assert.Equal($"{t / 1_000_000_000}.{t % 1_000_000_000:D9}", f[0]);
                Assert.Equal("10.0.3.10", frames[i].TowardServer ? f[2] : f[1]);
                Assert.Equal(s.Sequence.ToString(CultureInfo.InvariantCulture), f[3]);
                Assert.Equal(s.PayloadLength.ToString(CultureInfo.InvariantCulture), f[5]);
                Assert.Equal("0x" + s.IpId.ToString("x4", CultureInfo.InvariantCulture), f[6]);
                Assert.Equal(frames[i].TowardServer ? "62" : "63", f[7]);
                Assert.Equal(frames[i].TowardServer ? "fa:16:3e:01:02:02" : "fa:16:3e:01:02:01", f[8]);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
