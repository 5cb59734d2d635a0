using System.Buffers.Binary;
using System.Globalization;
using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;
using Vnd.Capture.Synthetic;
using Vnd.Capture.Tests.Support;
using Vnd.Tests.Shared;

namespace Vnd.Capture.Tests.Decoding;

/// <summary>
/// The straight-line decoder for common Ethernet/IPv4/TCP|UDP frames must give exactly what the general decoder
/// gives: every catalog field (all kinds, every layer) and the error set, for every frame it accepts, over the real
/// sample captures and over mutated frames (bytes flipped in the headers, cut captures, lengths past the frame).
/// </summary>
public sealed class CommonFrameDecoderTests
{
    public static TheoryData<string> Captures() =>
        SampleCaptures.InFolders("tcp", "tunnels", "icmp_arp", "ipv6", "vlan", "udp_dns", "linktypes", "pcapng", "truncated", "edge");

    [Theory]
    [MemberData(nameof(Captures))]
    public void Real_frames_decode_as_the_general_decoder_does(string relative)
    {
        List<SampleFrame> frames;
        try
        {
            frames = SampleCaptures.Read(SharedData.Pcap(relative));
        }
        catch (Vnd.Capture.Sources.CaptureFormatException)
        {
            return; // a file the reader refuses has no frames (covered by the reader's tests)
        }
        var decoder = new PacketDecoder(new DecoderOptions([4789, 8472]));
        foreach (var frame in frames)
            Compare(decoder, frame.Data, frame.LinkType, frame.OriginalLength, relative);
    }

    [Fact]
    public void The_sample_tcp_captures_mostly_take_the_straight_line_path()
    {
        var decoder = PacketDecoder.Default;
        int taken = 0, total = 0;
        foreach (var path in SampleCaptures.In("tcp"))
        {
            foreach (var frame in SampleCaptures.Read(path))
            {
                total++;
                if (Compare(decoder, frame.Data, frame.LinkType, frame.OriginalLength, path))
                    taken++;
            }
        }
        // The differential test above is only worth something if the fast path really runs on real traffic.
        Assert.True(taken > total / 2, $"{taken} of {total} frames took the straight-line path");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Mutated_frames_decode_as_the_general_decoder_does(int seed)
    {
        var random = new Random(seed);
        var decoder = new PacketDecoder(new DecoderOptions([4789, 8472], decodeDns: seed % 2 == 0));
        var bases = BaseFrames();
        var buffer = new byte[128];
        int accepted = 0, refused = 0;
        for (var i = 0; i < 40_000; i++)
        {
            var (frame, original) = bases[random.Next(bases.Length)];
            frame.CopyTo(buffer, 0);
            // Flip one to three bytes of the headers, or set a value the fast path must notice.
            for (var m = random.Next(1, 4); m > 0; m--)
                buffer[random.Next(0, 62)] = random.Next(4) == 0 ? (byte)random.Next(256) : Interesting(random);
            var captured = random.Next(3) == 0 ? random.Next(0, frame.Length + 1) : frame.Length;
            var wire = random.Next(4) switch
            {
                0 => captured,
                1 => random.Next(0, 200),
                _ => original,
            };
            if (Compare(decoder, buffer.AsSpan(0, captured), 1, wire, $"seed {seed} case {i}"))
                accepted++;
            else
                refused++;
        }
        Assert.True(accepted > 1000 && refused > 1000, $"accepted {accepted}, refused {refused}");
    }

    /// <summary>Decodes both ways and asserts equality; true when the straight-line path took the frame.</summary>
    private static bool Compare(PacketDecoder decoder, ReadOnlySpan<byte> frame, ushort linkType, int originalLength, string where)
    {
        var general = DecodedPacket.Create();
        decoder.DecodeGeneral(frame, linkType, originalLength, ref general);
        var fast = DecodedPacket.Create();
        fast.Reset(linkType, frame.Length, Math.Max(originalLength, frame.Length));
        if (linkType != 1 || !CommonFrameDecoder.TryDecode(frame, ref fast, decoder.Options))
        {
            // Refused: nothing may have been written before the refusal.
            Assert.Equal(LayerParts.None, fast.Outer.Parts);
            return false;
        }
        Assert.True(general.Errors == fast.Errors, $"{where}: errors {general.Errors:x} (general) vs {fast.Errors:x}");
        Assert.True(general.Outer.Parts == fast.Outer.Parts, $"{where}: parts {general.Outer.Parts} (general) vs {fast.Outer.Parts}");
        foreach (var field in FieldCatalog.Default.Fields)
        {
            var expected = Value(in general, frame, field);
            var actual = Value(in fast, frame, field);
            Assert.True(expected == actual, $"{where}: {field.Name} general '{expected}', straight-line '{actual}'");
        }
        // Also the decoder's own entry point, which picks the path.
        var entry = DecodedPacket.Create();
        decoder.Decode(frame, linkType, originalLength, ref entry);
        Assert.Equal(general.Outer.Parts, entry.Outer.Parts);
        return true;
    }

    private static string Value(in DecodedPacket p, ReadOnlySpan<byte> frame, FieldDescriptor field)
    {
        switch (field.Kind)
        {
            case FieldKind.Boolean:
                return FieldReader.TryGetBool(in p, field.Id, out var b) ? b.ToString() : "-";
            case FieldKind.Address:
                Span<byte> address = stackalloc byte[16];
                return FieldReader.TryGetAddress(in p, field.Id, address, out var length) ? Convert.ToHexString(address[..length]) : "-";
            case FieldKind.Mac:
                return FieldReader.TryGetMac(in p, field.Id, out var mac) ? mac.ToString("x", CultureInfo.InvariantCulture) : "-";
            case FieldKind.Text:
                return FieldReader.TryGetText(in p, field.Id, out var text) ? Convert.ToHexString(text) : "-";
            case FieldKind.Bytes:
                return FieldReader.TryGetBytes(in p, frame, field.Id, out var bytes) ? Convert.ToHexString(bytes) : "-";
            default:
                return FieldReader.TryGetInt64(in p, frame, field.Id, out var value) ? value.ToString(CultureInfo.InvariantCulture) : "-";
        }
    }

    private static byte Interesting(Random random) => random.Next(10) switch
    {
        0 => 0x00,
        1 => 0x08,
        2 => 0x45,
        3 => 0x46,
        4 => 0x35, // 53
        5 => 0x11, // UDP
        6 => 0x06, // TCP
        7 => 0x50, // data offset 5
        8 => 0x80, // data offset 8
        _ => 0xFF,
    };

    /// <summary>TCP without and with options (timestamps, SACK), UDP, each whole and as a 96-byte snap.</summary>
    private static (byte[] Frame, int Original)[] BaseFrames()
    {
        var segment = new TcpSegment
        {
            SourceMac = 0x0200_0000_0001, DestinationMac = 0x0200_0000_0002, SourceIp = 0x0A00_0001, DestinationIp = 0x0A00_0002,
            SourcePort = 40_000, DestinationPort = 443, Sequence = 1_000, Acknowledgment = 2_000, Flags = TcpFlags.Psh | TcpFlags.Ack, Window = 512,
            IpId = 7, Ttl = 64, PayloadLength = 60,
        };
        var plain = new byte[128];
        var headers = FrameBuilder.WriteTcp(plain, in segment);
        var withOptions = (byte[])plain.Clone();
        // Data offset 8: NOP NOP timestamps(10) = 12 option bytes; the IP total length grows by 12.
        withOptions[46] = 0x80;
        BinaryPrimitives.WriteUInt16BigEndian(withOptions.AsSpan(16), (ushort)(20 + 32 + 40));
        byte[] options = [1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2];
        options.CopyTo(withOptions, 54);
        var udp = new byte[128];
        FrameBuilder.WriteEthernet(udp, 1, 2, 0x0800);
        FrameBuilder.WriteIpv4(udp.AsSpan(14), 0x0A00_0001, 0x0A00_0002, 17, 9, 20 + 8 + 40, 64);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(34), 5000);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(36), 6000);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(38), 8 + 40);
        return
        [
            (plain[..(headers + 60)], headers + 60), (plain[..96], headers + 60),
            (withOptions[..(66 + 40)], 66 + 40), (withOptions[..96], 66 + 40),
            (udp[..(42 + 40)], 42 + 40), (udp[..64], 42 + 40),
        ];
    }
}
