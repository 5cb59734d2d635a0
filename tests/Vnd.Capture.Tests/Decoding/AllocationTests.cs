using System.Diagnostics;
using System.Runtime.CompilerServices;
using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;
using Xunit.Abstractions;

namespace Vnd.Capture.Tests.Decoding;

/// <summary>
/// The decoder and the typed field readers allocate nothing per packet. Time is printed, never asserted (it
/// depends on the machine and on Debug/Release).
/// </summary>
public class AllocationTests(ITestOutputHelper output)
{
    [Fact]
    public void Decoding_a_tcp_packet_ten_million_times_allocates_nothing()
    {
        var frame = PacketBytes.EthernetIpv4Tcp(payloadLength: 10);
        Assert.Equal(64, frame.Length);
        var decoder = PacketDecoder.Default;
        var packet = DecodedPacket.Create();
        decoder.Decode(frame, 1, frame.Length, ref packet); // warm up (JIT, static init)
        Assert.True(packet.Outer.Has(LayerParts.Tcp));
        // A first full run lets the JIT tier the loop up (OSR compiles on this thread, and what it loads counts as
        // this thread's allocation: 712 bytes once the decoder's fast path made the loop body larger); the second
        // run is the steady state the claim is about.
        DecodeMany(decoder, frame, ref packet);

        // Processor time as well as wall time: on a shared machine wall time mostly measures the neighbours.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        DecodeMany(decoder, frame, ref packet);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        output.WriteLine($"10M decodes: {elapsed.TotalMilliseconds * 1e6 / 10_000_000:F1} ns/packet wall, "
            + $"{cpu.TotalMilliseconds * 1e6 / 10_000_000:F1} ns/packet processor time");
        Assert.Equal(0, allocated);
        Assert.Equal(0x7788, packet.Outer.DstPort);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void DecodeMany(PacketDecoder decoder, byte[] frame, ref DecodedPacket packet)
    {
        for (var i = 0; i < 10_000_000; i++)
            decoder.Decode(frame, 1, frame.Length, ref packet);
    }

    [Fact]
    public void Reading_fields_allocates_nothing()
    {
        var frame = PacketBytes.EthernetIpv4Tcp(payloadLength: 10);
        var packet = DecodedPacket.Create();
        PacketDecoder.Default.Decode(frame, 1, frame.Length, ref packet);
        var ids = new[] { FieldId.IpSrc, FieldId.TcpSeq, FieldId.VndFlowKey, FieldId.VndPayloadHash, FieldId.VndPacketId, FieldId.EthSrc };
        Span<byte> address = stackalloc byte[16];
        // A first full run lets the JIT tier the loop up (OSR compiles on this thread, and what it loads counts as
        // this thread's allocation); the second run is the steady state the claim is about.
        ReadMany(in packet, frame, ids, address);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = ReadMany(in packet, frame, ids, address);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.NotEqual(0, sum);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long ReadMany(in DecodedPacket packet, byte[] frame, FieldId[] ids, Span<byte> address)
    {
        long sum = 0;
        for (var i = 0; i < 100_000; i++)
            sum += ReadOnce(in packet, frame, ids, address);
        return sum;
    }

    private static long ReadOnce(in DecodedPacket packet, byte[] frame, FieldId[] ids, Span<byte> address)
    {
        long sum = 0;
        foreach (var id in ids)
        {
            if (FieldReader.TryGetInt64(in packet, frame, id, out var v))
                sum += v;
        }
        FieldReader.TryGetAddress(in packet, FieldId.IpSrc, address, out _);
        FieldReader.TryGetMac(in packet, FieldId.EthSrc, out var mac);
        FieldReader.TryGetBool(in packet, FieldId.TcpFlagsSyn, out _);
        return sum + (long)mac;
    }
}
