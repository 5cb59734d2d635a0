using System.Net;
using System.Net.NetworkInformation;
using PacketDotNet;
using PacketDotNet.Tcp;
using Vnd.Capture.Tests.Support;
using Vnd.Tests.Shared;

namespace Vnd.Capture.Tests.Decoding;

/// <summary>PacketDotNet as an independent reference decoder: packets it builds, and TCP options it parses.</summary>
public class PacketDotNetReferenceTests
{
    private static readonly PhysicalAddress Src = PhysicalAddress.Parse("00-11-22-33-44-55");
    private static readonly PhysicalAddress Dst = PhysicalAddress.Parse("66-77-88-99-AA-BB");

    [Fact]
    public void Tcp_over_ipv4_built_by_packetdotnet()
    {
        var tcp = new TcpPacket(51000, 443) { SequenceNumber = 3_000_000_000, AcknowledgmentNumber = 17, Synchronize = true, Acknowledgment = true, WindowSize = 29200 };
        tcp.PayloadData = new byte[33];
        var ip = new IPv4Packet(IPAddress.Parse("192.0.2.10"), IPAddress.Parse("198.51.100.20")) { TimeToLive = 17, Id = 4321, PayloadPacket = tcp };
        var eth = new EthernetPacket(Src, Dst, EthernetType.IPv4) { PayloadPacket = ip };
        eth.UpdateCalculatedValues();
        var d = new Decoded(eth.Bytes);
        Assert.Equal("001122334455", d.Mac("eth.src"));
        Assert.Equal("66778899aabb", d.Mac("eth.dst"));
        Assert.Equal("192.0.2.10", d.Address("ip.src"));
        Assert.Equal("198.51.100.20", d.Address("ip.dst"));
        Assert.Equal(17, d.Int("ip.ttl"));
        Assert.Equal(4321, d.Int("ip.id"));
        Assert.Equal(ip.TotalLength, d.Int("ip.len"));
        Assert.Equal(51000, d.Int("tcp.srcport"));
        Assert.Equal(443, d.Int("tcp.dstport"));
        Assert.Equal(3_000_000_000, d.Int("tcp.seq"));
        Assert.Equal(17, d.Int("tcp.ack"));
        Assert.True(d.Bool("tcp.flags.syn"));
        Assert.True(d.Bool("tcp.flags.ack"));
        Assert.Equal(29200, d.Int("tcp.window_size_value"));
        Assert.Equal(33, d.Int("tcp.len"));
    }

    [Fact]
    public void Udp_over_ipv6_built_by_packetdotnet()
    {
        var udp = new UdpPacket(5353, 5353) { PayloadData = new byte[20] };
        var ip = new IPv6Packet(IPAddress.Parse("fe80::1"), IPAddress.Parse("ff02::fb")) { HopLimit = 255, PayloadPacket = udp };
        var eth = new EthernetPacket(Src, Dst, EthernetType.IPv6) { PayloadPacket = ip };
        eth.UpdateCalculatedValues();
        var d = new Decoded(eth.Bytes);
        Assert.Equal("fe80::1", d.Address("ipv6.src"));
        Assert.Equal("ff02::fb", d.Address("ipv6.dst"));
        Assert.Equal(255, d.Int("ipv6.hlim"));
        Assert.Equal(17, d.Int("ipv6.nxt"));
        Assert.Equal(28, d.Int("ipv6.plen"));
        Assert.Equal(5353, d.Int("udp.srcport"));
        Assert.Equal(28, d.Int("udp.length"));
    }

    [Fact]
    public void Arp_built_by_packetdotnet()
    {
        var arp = new ArpPacket(ArpOperation.Request, PhysicalAddress.Parse("00-00-00-00-00-00"), IPAddress.Parse("10.9.8.7"), Src, IPAddress.Parse("10.9.8.1"));
        var eth = new EthernetPacket(Src, PhysicalAddress.Parse("FF-FF-FF-FF-FF-FF"), EthernetType.Arp) { PayloadPacket = arp };
        var d = new Decoded(eth.Bytes);
        Assert.Equal(1, d.Int("arp.opcode"));
        Assert.Equal("10.9.8.1", d.Address("arp.src.proto_ipv4"));
        Assert.Equal("10.9.8.7", d.Address("arp.dst.proto_ipv4"));
        Assert.Equal("001122334455", d.Mac("arp.src.hw_mac"));
    }

    /// <summary>The truth CSVs carry no TCP options; PacketDotNet's parse of the same real packets is the reference.</summary>
    [Theory]
    [InlineData("tcp/gopacket_test_ethernet.pcap")]
    [InlineData("tcp/zeek_http_206_example_b.pcap")]
    [InlineData("tcp/zeek_ssh.pcap")]
    [InlineData("tcp/zeek_tcp_reassembly.pcap")]
    public void Tcp_options_of_real_packets_match_packetdotnet(string file)
    {
        int mss = 0, wscale = 0, timestamps = 0, sacks = 0;
        foreach (var frame in SampleCaptures.Read(SharedData.Pcap(file)))
        {
            var reference = Packet.ParsePacket(LinkLayers.Ethernet, frame.Data).Extract<TcpPacket>();
            if (reference is null)
                continue;
            var d = new Decoded(frame.Data, frame.LinkType, frame.OriginalLength);
            Assert.Equal(reference.SourcePort, d.Int("tcp.srcport"));
            Assert.Equal((long)reference.SequenceNumber, d.Int("tcp.seq"));
            // PacketDotNet gives no collection for a header without options.
            foreach (var option in reference.OptionsCollection ?? [])
            {
                switch (option)
                {
                    case MaximumSegmentSizeOption m:
                        Assert.Equal(m.Value, d.Int("tcp.options.mss_val"));
                        mss++;
                        break;
                    case WindowScaleFactorOption w:
                        Assert.Equal(w.ScaleFactor, d.Int("tcp.options.wscale.shift"));
                        wscale++;
                        break;
                    case TimeStampOption t:
                        Assert.Equal((long)t.Value, d.Int("tcp.options.timestamp.tsval"));
                        Assert.Equal((long)t.EchoReply, d.Int("tcp.options.timestamp.tsecr"));
                        timestamps++;
                        break;
                    case SelectiveAcknowledgmentOption:
                        Assert.InRange(d.Int("tcp.options.sack.count") ?? 0, 1, 4);
                        sacks++;
                        break;
                }
            }
        }
        Assert.True(mss + wscale + timestamps + sacks > 0, "the capture should carry TCP options");
    }
}
