using System.Buffers.Binary;

namespace Vnd.Capture.Tests.Decoding;

/// <summary>Hand-built packet bytes for decoder unit tests; every length and checksum-free field is explicit.</summary>
public static class PacketBytes
{
    public static readonly byte[] MacA = [0x02, 0x00, 0x00, 0x00, 0x00, 0x0a];
    public static readonly byte[] MacB = [0x02, 0x00, 0x00, 0x00, 0x00, 0x0b];
    public static readonly byte[] Ip4A = [10, 0, 0, 1];
    public static readonly byte[] Ip4B = [10, 0, 0, 2];

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    public static byte[] Ethernet(ushort type, byte[] payload, byte[]? dst = null, byte[]? src = null)
    {
        var header = new byte[14];
        (dst ?? MacB).CopyTo(header, 0);
        (src ?? MacA).CopyTo(header, 6);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(12), type);
        return Concat(header, payload);
    }


    public static byte[] Ipv4(byte proto, byte[] payload, byte[]? src = null, byte[]? dst = null, ushort id = 0x1234,
        byte ttl = 64, ushort flagsFragment = 0x4000, byte[]? options = null, int? totalLength = null, byte? versionIhl = null)
    {
        var optionBytes = options ?? [];
        var header = new byte[20 + optionBytes.Length];
        header[0] = versionIhl ?? (byte)(0x40 | (header.Length / 4));
        header[1] = 0x10;
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), (ushort)(totalLength ?? header.Length + payload.Length));
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), id);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), flagsFragment);
        header[8] = ttl;
        header[9] = proto;
        (src ?? Ip4A).CopyTo(header, 12);
        (dst ?? Ip4B).CopyTo(header, 16);
        optionBytes.CopyTo(header, 20);
        return Concat(header, payload);
    }

    public static byte[] Ipv6(byte next, byte[] payload, byte hopLimit = 64, int? payloadLength = null, byte srcLast = 1, byte dstLast = 2)
    {
        var header = new byte[40];
        BinaryPrimitives.WriteUInt32BigEndian(header, 0x6001_2345); // traffic class 0, flow label 0x12345
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), (ushort)(payloadLength ?? payload.Length));
        header[6] = next;
        header[7] = hopLimit;
        header[8] = 0x20;
        header[9] = 0x01;
        header[23] = srcLast;
        header[24] = 0x20;
        header[25] = 0x01;
        header[39] = dstLast;
        return Concat(header, payload);
    }

    /// <summary>An IPv6 extension header of 8 bytes (hop-by-hop, routing, destination options: padding inside).</summary>
    public static byte[] Ipv6Extension(byte next, byte[] payload) => Concat([next, 0, 1, 4, 0, 0, 0, 0], payload);

    public static byte[] Tcp(ushort src, ushort dst, uint seq, uint ack, byte flags, byte[] payload, byte[]? options = null,
        ushort window = 502, byte? dataOffsetWords = null)
    {
        var optionBytes = options ?? [];
        var header = new byte[20 + optionBytes.Length];
        BinaryPrimitives.WriteUInt16BigEndian(header, src);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), dst);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), seq);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(8), ack);
        header[12] = (byte)((dataOffsetWords ?? header.Length / 4) << 4);
        header[13] = flags;
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(14), window);
        optionBytes.CopyTo(header, 20);
        return Concat(header, payload);
    }

    public static byte[] Udp(ushort src, ushort dst, byte[] payload, int? length = null) =>
        Concat(U16(src), U16(dst), U16((ushort)(length ?? 8 + payload.Length)), U16(0), payload);

    public static byte[] Vxlan(uint vni, byte[] innerFrame) => Concat([0x08, 0, 0, 0], U32(vni << 8), innerFrame);

    public static byte[] U16(ushort v)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, v);
        return b;
    }

    public static byte[] U32(uint v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, v);
        return b;
    }

    /// <summary>Ethernet/IPv4/TCP ACK from 10.0.0.1:0x5566 to 10.0.0.2:0x7788 with a zero payload of the given size.</summary>
    public static byte[] EthernetIpv4Tcp(int payloadLength) =>
        Ethernet(0x0800, Ipv4(6, Tcp(0x5566, 0x7788, 1000, 2000, 0x10, new byte[payloadLength])));
}
