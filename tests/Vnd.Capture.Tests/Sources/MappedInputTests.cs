using Vnd.Capture.Sources;
using Vnd.Tests.Shared;

namespace Vnd.Capture.Tests.Sources;

/// <summary>
/// Capture files read in place through a memory mapping give exactly the records the stream reader gives for the
/// same bytes: whole files of both byte orders and both formats with windows small enough that records straddle
/// them, files cut anywhere, a file that grows while it is read and one that is cut short between windows.
/// </summary>
public sealed class MappedInputTests
{
    /// <summary>Records of at most 16 KiB: windows of about 30 KB, so a file is read through many of them.</summary>
    private static readonly CaptureReaderOptions SmallWindows = new() { MaxRecordSize = 16 * 1024, BlockOverhead = 4096, MapWindowSize = 0, MemoryMap = true };

    [Theory]
    [InlineData("tcp/zeek_http_bro.org.pcap")]
    [InlineData("linktypes/zeek_smb_dssetup_be.cap")]
    [InlineData("linktypes/zeek_http_get-to-ssh-server.pcap")]
    [InlineData("pcapng/zeek_irc-dcc-send.pcapng")]
    [InlineData("pcapng/zeek_pcapng-multi-interface.pcapng")]
    [InlineData("pcapng_suite/hadrielk_le_test202.pcapng")]
    [InlineData("pcapng_suite/hadrielk_be_test202.pcapng")]
    public void Mapped_file_gives_the_records_of_the_stream(string file)
    {
        var path = SharedData.Pcap(file);
        var expected = RecordSnapshot.ReadAll(File.ReadAllBytes(path), SmallWindows);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, ReadMapped(path, SmallWindows, out var diagnostics));
        Assert.Null(diagnostics.TruncatedAtOffset);
        Assert.Equal(expected, ReadMapped(path, new CaptureReaderOptions { MemoryMap = true }, out _));
        // The default (off): the same file streamed through the buffer.
        Assert.Equal(expected, ReadMapped(path, CaptureReaderOptions.Default, out _));
    }

    [Theory]
    [InlineData("tcp/zeek_http_bro.org.pcap")]
    [InlineData("linktypes/zeek_smb_dssetup_be.cap")]
    [InlineData("pcapng_suite/hadrielk_be_test202.pcapng")]
    public void Torn_file_ends_like_the_stream(string file)
    {
        var whole = File.ReadAllBytes(SharedData.Pcap(file));
        using var scratch = new ScratchFile();
        var step = Math.Max(1, whole.Length / 97);
        for (var cut = 64; cut < whole.Length; cut += step)
        {
            File.WriteAllBytes(scratch.Path, whole[..cut]);
            IRecordSource stream;
            try
            {
                stream = CaptureFile.Open(new MemoryStream(whole[..cut]), SmallWindows);
            }
            catch (CaptureFormatException refused)
            {
                // Cut inside the file's first header: refused alike.
                Assert.Equal(refused.Kind, Assert.Throws<CaptureFormatException>(() => CaptureFile.Open(scratch.Path, SmallWindows).Dispose()).Kind);
                continue;
            }
            using var streamed = stream;
            var expected = RecordSnapshot.ReadAll(stream);
            Assert.Equal(expected, ReadMapped(scratch.Path, SmallWindows, out var diagnostics));
            Assert.Equal(stream.Diagnostics.TruncatedAtOffset, diagnostics.TruncatedAtOffset);
            Assert.Equal(stream.Diagnostics[ReaderErrorKind.TruncatedRecord], diagnostics[ReaderErrorKind.TruncatedRecord]);
        }
    }

    [Fact]
    public void Empty_file_is_refused_as_a_truncated_header()
    {
        using var scratch = new ScratchFile();
        File.WriteAllBytes(scratch.Path, []);
        var error = Assert.Throws<CaptureFormatException>(() => CaptureFile.Open(scratch.Path).Dispose());
        Assert.Equal(CaptureFormatError.TruncatedHeader, error.Kind);
    }

    [Theory]
    [InlineData("tcp/zeek_http_bro.org.pcap")]
    [InlineData("linktypes/zeek_smb_dssetup_be.cap")]
    public void File_that_grows_while_read_is_read_to_its_new_end(string file)
    {
        var whole = File.ReadAllBytes(SharedData.Pcap(file));
        var expected = RecordSnapshot.ReadAll(whole, SmallWindows);
        // Cut inside a record: the first read ends torn there, the second goes on from that record.
        var cut = (int)expected[expected.Count / 2].FileOffset + 5;
        using var scratch = new ScratchFile();
        File.WriteAllBytes(scratch.Path, whole[..cut]);
        using var source = CaptureFile.Open(scratch.Path, SmallWindows);
        var first = RecordSnapshot.ReadAll(source);
        Assert.Equal(expected.Count / 2, first.Count);

        using (var writer = new FileStream(scratch.Path, FileMode.Append, FileAccess.Write, FileShare.Read))
            writer.Write(whole.AsSpan(cut));
        // A reader that ended torn stays ended (as the stream reader does); a fresh one sees the grown file whole.
        Assert.False(source.TryReadNext(out _));
        Assert.Equal(expected, ReadMapped(scratch.Path, SmallWindows, out _));
    }

    [Fact]
    public void File_that_grows_between_windows_is_read_whole()
    {
        var whole = File.ReadAllBytes(SharedData.Pcap("tcp/zeek_http_bro.org.pcap"));
        var expected = RecordSnapshot.ReadAll(whole, SmallWindows);
        Assert.True(whole.Length > 4 * SmallWindows.EffectiveMapWindowSize, "the sample spans several windows");
        using var scratch = new ScratchFile();
        // The first half, cut on a record boundary; the rest is appended after the first record was read.
        var boundary = (int)expected[expected.Count / 2].FileOffset;
        File.WriteAllBytes(scratch.Path, whole[..boundary]);
        using var source = CaptureFile.Open(scratch.Path, SmallWindows);
        Assert.True(source.TryReadNext(out _));
        using (var writer = new FileStream(scratch.Path, FileMode.Append, FileAccess.Write, FileShare.Read))
            writer.Write(whole.AsSpan(boundary));
        var rest = RecordSnapshot.ReadAll(source);
        Assert.Equal(expected[1..], rest);
        Assert.Null(source.Diagnostics.TruncatedAtOffset);
    }

    [Fact]
    public void File_cut_short_between_windows_ends_torn_at_the_cut()
    {
        var whole = File.ReadAllBytes(SharedData.Pcap("tcp/zeek_http_bro.org.pcap"));
        var expected = RecordSnapshot.ReadAll(whole, SmallWindows);
        using var scratch = new ScratchFile();
        File.WriteAllBytes(scratch.Path, whole);
        using var source = CaptureFile.Open(scratch.Path, SmallWindows);
        Assert.True(source.TryReadNext(out _));
        // Cut well past the first window (which is all that is mapped) and inside a record.
        var torn = expected.FindIndex(r => r.FileOffset > 3 * SmallWindows.EffectiveMapWindowSize);
        var cut = expected[torn].FileOffset + 7;
        using (var writer = new FileStream(scratch.Path, FileMode.Open, FileAccess.Write, FileShare.Read))
            writer.SetLength(cut);
        var rest = RecordSnapshot.ReadAll(source);
        Assert.Equal(expected[1..torn], rest);
        Assert.Equal(expected[torn].FileOffset, source.Diagnostics.TruncatedAtOffset);
    }

    private static List<RecordSnapshot> ReadMapped(string path, CaptureReaderOptions options, out ReaderDiagnostics diagnostics)
    {
        using var source = CaptureFile.Open(path, options);
        var records = RecordSnapshot.ReadAll(source);
        diagnostics = source.Diagnostics;
        return records;
    }

    private sealed class ScratchFile : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"vnd-mapped-{Guid.NewGuid():N}.pcap");

        public void Dispose() => File.Delete(Path);
    }
}
