using System.Buffers.Binary;

namespace Vnd.Capture.Decoding;

/// <summary>ARP/RARP: opcode always, addresses only for the Ethernet/IPv4 format (6-byte MAC, 4-byte IPv4).</summary>
internal static class ArpDecoder
{
    internal static void Decode(ReadOnlySpan<byte> f, int off, ref DecodedPacket p, ref HeaderLayer l)
    {
        if (f.Length - off < 8)
        {
            p.AddError(DecodeErrorKind.TruncatedArp);
            return;
        }
        var h = f[off..];
        var protocolType = BinaryPrimitives.ReadUInt16BigEndian(h[2..]);
        var hardwareSize = h[4];
        var protocolSize = h[5];
        l.ArpOpcode = BinaryPrimitives.ReadUInt16BigEndian(h[6..]);
        l.Parts |= LayerParts.Arp;
        if (hardwareSize != 6 || protocolSize != 4 || protocolType != 0x0800)
        {
            p.AddError(DecodeErrorKind.ArpUnsupportedFormat);
            return;
        }
        if (h.Length < 28)
        {
            p.AddError(DecodeErrorKind.TruncatedArp);
            return;
        }
        l.ArpSenderMac = EthernetDecoder.ReadMac(h[8..]);
        l.ArpSenderIp = BinaryPrimitives.ReadUInt32BigEndian(h[14..]);
        l.ArpTargetMac = EthernetDecoder.ReadMac(h[18..]);
        l.ArpTargetIp = BinaryPrimitives.ReadUInt32BigEndian(h[24..]);
        l.Parts |= LayerParts.ArpAddresses;
    }
}
