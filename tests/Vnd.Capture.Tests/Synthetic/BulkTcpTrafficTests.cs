using System.Diagnostics;
using System.Globalization;
using Vnd.Capture.Synthetic;

namespace Vnd.Capture.Tests.Synthetic;

public sealed class BulkTcpTrafficTests
{
    private struct ListSink : ISegmentSink
    {
        public List<(long Time, TcpSegment Segment)> Segments;

        public readonly void OnSegment(long timestampNanos, in TcpSegment segment) => Segments.Add((timestampNanos, segment));
    }

    private static List<(long Time, TcpSegment Segment)> Generate(BulkTcpTrafficOptions options)
    {
        var sink = new ListSink { Segments = [] };
        new BulkTcpTraffic(options).Generate(ref sink);
        return sink.Segments;
    }

    [Fact]
    public void Same_seed_gives_same_packets_and_time_increases()
    {
        var options = new BulkTcpTrafficOptions { Packets = 5_000, ConcurrentConnections = 8, SegmentsPerConnection = 50 };
        var a = Generate(options);
        var b = Generate(options);
        Assert.Equal(5_000, a.Count);
        Assert.Equal(a, b);
        for (var i = 1; i < a.Count; i++)
            Assert.True(a[i].Time > a[i - 1].Time);
        Assert.NotEqual(a, Generate(options with { Seed = 7 }));
    }

    [Fact]
    public void Every_second_data_segment_is_acknowledged_by_the_paper_rtt_join()
    {
        var segments = Generate(new BulkTcpTrafficOptions { Packets = 20_000, ConcurrentConnections = 4, SegmentsPerConnection = 100 });
        var acks = new HashSet<(uint, uint, ushort, ushort, uint)>();
        foreach (var (_, s) in segments)
            if (s.PayloadLength == 0 && (s.Flags & TcpFlags.Ack) != 0)
                acks.Add((s.SourceIp, s.DestinationIp, s.SourcePort, s.DestinationPort, s.Acknowledgment));
        int data = 0, matched = 0;
        foreach (var (_, s) in segments)
        {
            if (s.PayloadLength == 0)
                continue;
            data++;
            if (acks.Contains((s.DestinationIp, s.SourceIp, s.DestinationPort, s.SourcePort, s.Sequence + (uint)s.PayloadLength)))
                matched++;
        }
        Assert.True(data > 10_000);
        Assert.InRange(matched, data / 2 - 8, data / 2 + 8);
    }

    [Fact]
    public void Tshark_reads_the_generated_pcap_with_the_same_header_values()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vnd-bulk-{Guid.NewGuid():N}.pcap");
        var options = new BulkTcpTrafficOptions { Packets = 500, ConcurrentConnections = 3, SegmentsPerConnection = 20 };
        try
        {
            using (var writer = PcapFileWriter.Create(path, snapLength: 96))
            {
                var sink = new PcapSegmentSink(writer);
                new BulkTcpTraffic(options).Generate(ref sink);
            }
            var expected = Generate(options);
            var lines = Tshark(path, "-e", "frame.time_epoch", "-e", "ip.src", "-e", "ip.dst", "-e", "tcp.srcport",
                "-e", "tcp.dstport", "-e", "tcp.seq_raw", "-e", "tcp.ack_raw", "-e", "tcp.len", "-e", "ip.id", "-e", "_ws.expert");
            Assert.Equal(expected.Count, lines.Length);
            for (var i = 0; i < lines.Length; i++)
            {
                var f = lines[i].Split('\t');
                var (time, s) = expected[i];
                // A microsecond pcap: tshark prints nine decimals, the last three always zero.
                var micros = time / 1000;
                Assert.Equal($"{micros / 1_000_000}.{micros % 1_000_000:D6}000", f[0]);
                Assert.Equal(Ip(s.SourceIp), f[1]);
                Assert.Equal(Ip(s.DestinationIp), f[2]);
                Assert.Equal(s.SourcePort.ToString(CultureInfo.InvariantCulture), f[3]);
                Assert.Equal(s.DestinationPort.ToString(CultureInfo.InvariantCulture), f[4]);
                Assert.Equal(s.Sequence.ToString(CultureInfo.InvariantCulture), f[5]);
                if ((s.Flags & TcpFlags.Ack) != 0)
                    Assert.Equal(s.Acknowledgment.ToString(CultureInfo.InvariantCulture), f[6]);
                Assert.Equal(s.PayloadLength.ToString(CultureInfo.InvariantCulture), f[7]);
                Assert.Equal("0x" + s.IpId.ToString("x4", CultureInfo.InvariantCulture), f[8]);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Ip(uint a) => $"{a >> 24}.{(a >> 16) & 255}.{(a >> 8) & 255}.{a & 255}";

    internal static string[] Tshark(string path, params string[] fields)
    {
        var psi = new ProcessStartInfo("tshark") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-n", "-r", path, "-T", "fields" })
            psi.ArgumentList.Add(a);
        foreach (var f in fields)
            psi.ArgumentList.Add(f);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start tshark");
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
