using System.Buffers.Binary;

namespace Vnd.Capture.Sources;

/// <summary>Opens a capture file as a record source, choosing pcap or pcapng by its magic number.</summary>
public static class CaptureFile
{
    private const uint PcapMicroseconds = 0xA1B2C3D4;
    private const uint PcapNanoseconds = 0xA1B23C4D;

    /// <summary>Opens <paramref name="path"/> for one sequential pass.</summary>
    /// <exception cref="CaptureFormatException">The file header is not a supported capture header.</exception>
    public static IRecordSource Open(string path, CaptureReaderOptions? options = null)
    {
        // No FileStream buffer: the reader reads large chunks into its own buffer.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0,
            FileOptions.SequentialScan);
        return Open(stream, options);
    }

    /// <summary>Reads a capture from <paramref name="stream"/> (need not be seekable). The source owns the stream
    /// unless <see cref="CaptureReaderOptions.LeaveOpen"/> is set, also when opening fails.</summary>
    /// <exception cref="CaptureFormatException">The stream does not start with a supported capture header.</exception>
    public static IRecordSource Open(Stream stream, CaptureReaderOptions? options = null)
    {
        options ??= CaptureReaderOptions.Default;
        var input = new ChunkedInput(stream, options.EffectiveBufferSize, options.LeaveOpen);
        try
        {
            if (!input.Ensure(4))
                throw new CaptureFormatException(CaptureFormatError.TruncatedHeader, 0,
                    $"the file has {input.Available} bytes, too few for a capture header");
            var magic = BinaryPrimitives.ReadUInt32LittleEndian(input.Peek(4));
            return magic switch
            {
                PcapMicroseconds => new PcapReader(input, options, bigEndian: false, nanosecond: false),
                PcapNanoseconds => new PcapReader(input, options, bigEndian: false, nanosecond: true),
                _ when magic == BinaryPrimitives.ReverseEndianness(PcapMicroseconds) =>
                    new PcapReader(input, options, bigEndian: true, nanosecond: false),
                _ when magic == BinaryPrimitives.ReverseEndianness(PcapNanoseconds) =>
                    new PcapReader(input, options, bigEndian: true, nanosecond: true),
                PcapngSectionHeader.BlockType => new PcapngReader(input, options),
                _ => throw new CaptureFormatException(CaptureFormatError.UnknownMagic, 0,
                    $"magic 0x{magic:x8} is neither pcap (a1b2c3d4, a1b23c4d) nor pcapng (0a0d0d0a)"),
            };
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }
}
