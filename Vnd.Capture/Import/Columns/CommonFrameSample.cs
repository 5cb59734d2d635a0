using System.Buffers.Binary;
using Vnd.Capture.Decoding;
using Vnd.Capture.Sources;

namespace Vnd.Capture.Import.Columns;

/// <summary>
/// The smallest frame of a <see cref="CommonFrameKind"/>, decoded by the general decoder: which fields such a frame
/// has (and the values that are the same for every frame of the kind) are read from it, so the common-frame path
/// takes presence from the reference decoder instead of restating it.
/// </summary>
internal static class CommonFrameSample
{
    /// <summary>Decodes the sample frame of <paramref name="kind"/>; false when these options do not classify it so.</summary>
    public static bool TryDecode(CommonFrameKind kind, DecoderOptions options, ref DecodedPacket packet)
    {
        var frame = Build(kind);
        if (CommonFrameDecoder.Classify(frame, frame.Length, options) != kind)
            return false;
        new PacketDecoder(options).DecodeGeneral(frame, (ushort)LinkType.Ethernet, frame.Length, ref packet);
        packet.TimestampNanos = 0;
        packet.InterfaceId = -1;
        return packet.Errors == 0;
    }

    private static byte[] Build(CommonFrameKind kind)
    {
        var tcp = kind != CommonFrameKind.Udp;
        // TcpWithOptions: the shape of nearly every segment of a Linux capture, NOP NOP and timestamps (12 bytes).
        var options = kind == CommonFrameKind.TcpWithOptions ? 12 : 0;
        var frame = new byte[(tcp ? CommonFrameDecoder.MinTcpFrameLength : CommonFrameDecoder.MinUdpFrameLength) + options];
        var f = frame.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(f[12..], 0x0800);
        f[14] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(f[16..], (ushort)(frame.Length - 14));
        f[22] = 64;
        f[23] = (byte)(tcp ? 6 : 17);
        // Ports no decoder option gives a meaning to (not DNS, VXLAN or Geneve by default).
        BinaryPrimitives.WriteUInt16BigEndian(f[34..], 40_000);
        BinaryPrimitives.WriteUInt16BigEndian(f[36..], 40_001);
        if (tcp)
            f[46] = (byte)((20 + options) / 4 << 4);
        else
            BinaryPrimitives.WriteUInt16BigEndian(f[38..], 8);
        if (options != 0)
        {
            f[54] = 1;
            f[55] = 1;
            f[56] = 8;
            f[57] = 10;
        }
        return frame;
    }
}
