using System.Buffers.Binary;

namespace Vnd.Capture.Sources;

/// <summary>Opens a capture file as a record source, choosing pcap or pcapng by its magic number.</summary>
public static class CaptureFile
{
    private const uint PcapMicroseconds = 0xA1B2C3D4;
    private const uint PcapNanoseconds = 0xA1B23C4D;

    /// <summary>Opens <paramref name="path"/> for one sequential pass: a regular file read ahead into buffers by a
    /// thread of its own, or mapped into memory when <see cref="CaptureReaderOptions.MemoryMap"/> is on; anything
    /// else (a pipe, a device) read through a buffer.</summary>
    /// <exception cref="CaptureFormatException">The file header is not a supported capture header.</exception>
    public static IRecordSource Open(string path, CaptureReaderOptions? options = null)
    {
        options ??= CaptureReaderOptions.Default;
        // No FileStream buffer: the reader reads large chunks into its own buffer, or maps the file.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0,
            FileOptions.SequentialScan);
        // Pipes and devices (not seekable) and /proc files and empty files (length 0) have nothing to map: they are
        // streamed. A 64-bit address space maps windows of any file without running out of it.
        if (!stream.CanSeek || (!options.MemoryMap && options.ReadAheadChunks == 0))
            return Open(stream, options);
        // A regular file is read ahead on a thread of its own, so the kernel's copy leaves the importing thread.
        if (!options.MemoryMap || stream.Length == 0 || !Environment.Is64BitProcess)
            return Open(new ReadAheadInput(stream, options.LargestRead, options.EffectiveReadAheadChunkSize, Math.Max(2, options.ReadAheadChunks), leaveOpen: false,
                options.Buffers, options.ReadAheadThreadCpus), options);
        return Open(new MappedInput(stream, options.EffectiveMapWindowSize), options);
    }

    /// <summary>Reads a capture from <paramref name="stream"/> (need not be seekable). The source owns the stream
    /// unless <see cref="CaptureReaderOptions.LeaveOpen"/> is set, also when opening fails.</summary>
    /// <exception cref="CaptureFormatException">The stream does not start with a supported capture header.</exception>
    public static IRecordSource Open(Stream stream, CaptureReaderOptions? options = null)
    {
        options ??= CaptureReaderOptions.Default;
        return Open(new ChunkedInput(stream, options.EffectiveBufferSize, options.LeaveOpen), options);
    }

    /// <summary>Chooses the reader by the magic number at the start of <paramref name="input"/>, which it then owns.</summary>
    private static IRecordSource Open(CaptureInput input, CaptureReaderOptions options)
    {
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
