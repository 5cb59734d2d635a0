using System.Buffers.Binary;
using Vnd.Capture.Sources;
using Vnd.Tests.Shared;

namespace Vnd.Capture.Tests.Sources;

/// <summary>
/// Good captures cut at many byte offsets (inside file headers, record headers and bodies, and exactly on record
/// boundaries): every complete record before the cut comes out, then the reader ends with the offset of the cut
/// record and no exception.
/// </summary>
public sealed class TornFileTests
{
    [Theory]
    [InlineData("tcp/gopacket_test_ethernet.pcap")]
    [InlineData("linktypes/zeek_smb_dssetup_be.cap")]
    [InlineData("linktypes/tcpdump_pptp.pcap")]
    [InlineData("linktypes/zeek_http_get-to-ssh-server.pcap")]
    [InlineData("pcapng/zeek_pcapng-multi-interface.pcapng")]
    [InlineData("pcapng_suite/hadrielk_le_test202.pcapng")]
    [InlineData("pcapng_suite/hadrielk_be_test202.pcapng")]
    [InlineData("pcapng_suite/hadrielk_be_test012.pcapng")]
    public void Every_complete_record_before_the_cut(string file)
    {
        var whole = File.ReadAllBytes(SharedData.Pcap(file));
        var all = RecordSnapshot.ReadAll(whole);
        var boundaries = Boundaries(whole);
        var headerEnd = boundaries[0];
        // Small buffers make cuts also land on chunk edges; every offset for small files, a stride for larger.
        var options = new CaptureReaderOptions { BufferSize = 4096 };
        var step = Math.Max(1, whole.Length / 1500);
        for (var cut = 0; cut < whole.Length; cut += cut < 64 ? 1 : step)
        {
            var torn = whole[..cut];
            if (cut < headerEnd)
            {
                var error = Assert.Throws<CaptureFormatException>(() => CaptureFile.Open(new MemoryStream(torn)).Dispose());
                Assert.Equal(CaptureFormatError.TruncatedHeader, error.Kind);
                continue;
            }
            using var source = CaptureFile.Open(new MemoryStream(torn), options);
            var records = RecordSnapshot.ReadAll(source);
            var expected = all.FindAll(r => BlockEnd(r.FileOffset, boundaries) <= cut);
            Assert.Equal(expected, records);
            var last = boundaries.FindLastIndex(b => b <= cut);
            if (boundaries[last] == cut)
            {
                Assert.Null(source.Diagnostics.TruncatedAtOffset);
                Assert.Equal(0, source.Diagnostics[ReaderErrorKind.TruncatedRecord]);
            }
            else
            {
                Assert.Equal(boundaries[last], source.Diagnostics.TruncatedAtOffset);
                Assert.Equal(1, source.Diagnostics[ReaderErrorKind.TruncatedRecord]);
            }
            Assert.Null(source.Diagnostics.AbandonedAtOffset);
        }
    }

    private static long BlockEnd(long start, List<long> boundaries) =>
        boundaries[boundaries.IndexOf(start) + 1];

    /// <summary>Offsets where a record or block starts (the first is the end of the file header), plus the file
    /// length. Found independently of the reader: pcapng blocks are walked by their length in whichever byte
    /// order makes the trailer agree.</summary>
    private static List<long> Boundaries(byte[] file)
    {
        if (BinaryPrimitives.ReadUInt32LittleEndian(file) == 0x0A0D0D0A)
        {
            // The reader refuses a file whose first section header is cut, so the "header end" is that SHB's end.
            var pcapng = new List<long> { 0 };
            for (var offset = 0; offset < file.Length; pcapng.Add(offset))
                offset += BlockLength(file, offset);
            pcapng.RemoveAt(0);
            return pcapng;
        }
        var boundaries = new List<long>();
        var bigEndian = file[0] == 0xA1;
        var position = 24;
        boundaries.Add(position);
        while (position < file.Length)
        {
            var caplen = bigEndian
                ? BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(position + 8))
                : BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(position + 8));
            position += 16 + caplen;
            boundaries.Add(position);
        }
        return boundaries;
    }

    private static int BlockLength(byte[] file, int offset)
    {
        var le = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(offset + 4));
        return le > 0 && offset + le <= file.Length
            && BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(offset + le - 4)) == le
            ? le : BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(offset + 4));
    }
}
