using System.Buffers.Binary;

namespace Vnd.Capture.Decoding;

/// <summary>PPP (LINKTYPE 9 and PPTP's GRE payload): optional FF 03 address/control, 1- or 2-byte protocol.</summary>
internal static class PppDecoder
{
    internal static void Decode(ReadOnlySpan<byte> f, int start, ref DecodedPacket p, ref HeaderLayer l, PacketDecoder d)
    {
        var off = f.Length - start >= 2 && f[start] == 0xFF && f[start + 1] == 0x03 ? start + 2 : start;
        if (f.Length < off + 1)
        {
            p.AddError(DecodeErrorKind.TruncatedLinkHeader);
            return;
        }
        int protocol;
        if ((f[off] & 1) == 1)
        {
            protocol = f[off]; // protocol-field compression: one byte
            off += 1;
        }
        else if (f.Length >= off + 2)
        {
            protocol = BinaryPrimitives.ReadUInt16BigEndian(f[off..]);
            off += 2;
        }
        else
        {
            p.AddError(DecodeErrorKind.TruncatedLinkHeader);
            return;
        }
        switch (protocol)
        {
            case 0x0021:
                IpDecoder.DecodeIpv4(f, off, ref p, ref l, d);
                break;
            case 0x0057:
                IpDecoder.DecodeIpv6(f, off, ref p, ref l, d);
                break;
            case 0x0281 or 0x0283:
                EthernetDecoder.DecodeMpls(f, off, ref p, ref l, d);
                break;
        }
    }
}
