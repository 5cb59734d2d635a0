namespace Vnd.Capture.Synthetic.Demo;

/// <summary>A host's TCP segment as it leaves the host: TTL 64, full window; the MACs are set per link when recorded.</summary>
internal static class SegmentOf
{
    public static TcpSegment Tcp(uint source, ushort sourcePort, uint destination, ushort destinationPort,
        uint sequence, uint acknowledgment, TcpFlags flags, ushort ipId, int payload) => new()
        {
            SourceIp = source,
            DestinationIp = destination,
            SourcePort = sourcePort,
            DestinationPort = destinationPort,
            Sequence = sequence,
            Acknowledgment = acknowledgment,
            Flags = flags,
            Window = 65535,
            IpId = ipId,
            Ttl = 64,
            PayloadLength = payload,
        };
}
