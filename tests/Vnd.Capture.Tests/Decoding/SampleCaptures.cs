using System.Buffers.Binary;
using SharpPcap;
using SharpPcap.LibPcap;

namespace Vnd.Capture.Tests.Decoding;

/// <summary>One captured frame as the decoder receives it; <paramref name="InterfaceId"/> is -1 for pcap.</summary>
public sealed record SampleFrame(byte[] Data, ushort LinkType, int OriginalLength, int InterfaceId);

/// <summary>
/// Reads the shared sample captures without VND's own capture readers, so decoder tests stand alone: pcap through
/// libpcap (SharpPcap), pcapng with a minimal block walker, because libpcap 1.10 refuses pcapng files whose
/// interfaces have different link types (half the pcapng suite) and does not report interface ids.
/// The only place tests read capture files.
/// </summary>
public static class SampleCaptures
{
    public static List<SampleFrame> Read(string path) =>
        path.EndsWith(".pcapng", StringComparison.Ordinal) ? ReadPcapng(File.ReadAllBytes(path)) : ReadPcap(path);

    /// <summary>All capture files below a folder of <c>shared/data/pcaps</c>.</summary>
    public static IEnumerable<string> In(string folder) =>
        Directory.EnumerateFiles(Vnd.Tests.Shared.SharedData.Pcap(folder)).Where(IsCapture).Order(StringComparer.Ordinal);

    private static bool IsCapture(string path) =>
        path.EndsWith(".pcap", StringComparison.Ordinal) || path.EndsWith(".pcapng", StringComparison.Ordinal)
        || path.EndsWith(".cap", StringComparison.Ordinal);

    private static List<SampleFrame> ReadPcap(string path)
    {
        var frames = new List<SampleFrame>();
        using var device = new CaptureFileReaderDevice(path);
        device.Open();
        // libpcap hands out DLT_ numbers; DLT_RAW (12, or 14 on OpenBSD) is LINKTYPE_RAW 101, the rest are equal.
        var dlt = (int)device.LinkType;
        var linkType = dlt is 12 or 14 ? (ushort)101 : (ushort)dlt;
        while (device.GetNextPacket(out var capture) == GetPacketStatus.PacketRead)
        {
            var raw = capture.GetPacket();
            frames.Add(new SampleFrame(raw.Data, linkType, (int)((PcapHeader)capture.Header).PacketLength, -1));
        }
        return frames;
    }

    private static List<SampleFrame> ReadPcapng(byte[] file)
    {
        var frames = new List<SampleFrame>();
        var linkTypes = new List<ushort>();
        var snapLengths = new List<int>();
        var bigEndian = false;
        var pos = 0;
        while (file.Length - pos >= 12)
        {
            var block = file.AsSpan(pos);
            var type = BinaryPrimitives.ReadUInt32LittleEndian(block);
            if (type == 0x0A0D0D0A)
            {
                bigEndian = BinaryPrimitives.ReadUInt32LittleEndian(block[8..]) != 0x1A2B3C4D;
                linkTypes.Clear();
                snapLengths.Clear();
            }
            else if (bigEndian)
            {
                type = BinaryPrimitives.ReverseEndianness(type);
            }
            var length = (int)U32(block[4..], bigEndian);
            if (length < 12 || length > block.Length)
                throw new InvalidDataException($"bad pcapng block length {length} at {pos}");
            if (U32(block[(length - 4)..], bigEndian) != length)
                throw new InvalidDataException($"pcapng block at {pos}: trailer length differs from header length");
            var body = block[8..(length - 4)];
            if (type == 0x0A0D0D0A && (U16(body[4..], bigEndian) != 1 || U16(body[6..], bigEndian) != 0))
                throw new InvalidDataException($"unsupported pcapng version at {pos}");
            switch (type)
            {
                case 1: // IDB
                    linkTypes.Add(U16(body, bigEndian));
                    var snap = (int)U32(body[4..], bigEndian);
                    snapLengths.Add(snap == 0 ? int.MaxValue : snap);
                    break;
                case 6: // EPB
                    var iface = (int)U32(body, bigEndian);
                    var captured = (int)U32(body[12..], bigEndian);
                    frames.Add(new SampleFrame(body.Slice(20, captured).ToArray(), linkTypes[iface], (int)U32(body[16..], bigEndian), iface));
                    break;
                case 3: // SPB: interface 0, captured = min(original, IDB snaplen); the block pads to 4 bytes
                    var original = (int)U32(body, bigEndian);
                    var stored = Math.Min(original, Math.Min(snapLengths[0], body.Length - 4));
                    frames.Add(new SampleFrame(body.Slice(4, stored).ToArray(), linkTypes[0], original, 0));
                    break;
            }
            pos += length;
        }
        return frames;
    }

    private static ushort U16(ReadOnlySpan<byte> b, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);

    private static uint U32(ReadOnlySpan<byte> b, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);
}
