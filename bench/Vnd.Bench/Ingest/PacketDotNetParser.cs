using PacketDotNet;

namespace Vnd.Bench.Ingest;

/// <summary>
/// The reference decoder: PacketDotNet builds an object graph per packet. Reads the same standard field set as VND's
/// importer, summing the values so the JIT cannot drop the work.
/// </summary>
public static class PacketDotNetParser
{
    public static long ParseAll(InMemoryFrames frames)
    {
        long checksum = 0;
        for (var i = 0; i < frames.Count; i++)
        {
            var packet = Packet.ParsePacket(LinkLayers.Ethernet, frames.Frame(i).ToArray());
            if (packet.Extract<IPv4Packet>() is not { } ip)
                continue;
            checksum += ip.Id + ip.TotalLength + (long)ip.Protocol + ip.SourceAddress.GetHashCode() + ip.DestinationAddress.GetHashCode();
            if (packet.Extract<TcpPacket>() is { } tcp)
                checksum += tcp.SourcePort + tcp.DestinationPort + tcp.SequenceNumber + tcp.AcknowledgmentNumber + tcp.Flags;
        }
        return checksum;
    }
}
