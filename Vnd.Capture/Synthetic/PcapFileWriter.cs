using System.Buffers.Binary;

namespace Vnd.Capture.Synthetic;

/// <summary>
/// Writes a classic little-endian pcap file (link type Ethernet). Used to generate traffic for benchmarks, the
/// embedded demo and tests; a buffered stream, so writing a record is two copies into the buffer.
/// </summary>
public sealed class PcapFileWriter : IDisposable
{
    private const uint MagicMicros = 0xA1B2C3D4;
    private const uint MagicNanos = 0xA1B23C4D;
    private const int FileHeaderLength = 24;
    private const int RecordHeaderLength = 16;

    private readonly Stream _stream;
    private readonly bool _nanos;
    private readonly int _snapLength;
    private readonly byte[] _header = new byte[RecordHeaderLength];
    private bool _disposed;

    public PcapFileWriter(Stream stream, bool nanosecondTimestamps = false, int snapLength = 262144, ushort linkType = 1)
    {
        _stream = stream;
        _nanos = nanosecondTimestamps;
        _snapLength = snapLength;
        Span<byte> header = stackalloc byte[FileHeaderLength];
        BinaryPrimitives.WriteUInt32LittleEndian(header, _nanos ? MagicNanos : MagicMicros);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 0);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], snapLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], linkType);
        _stream.Write(header);
    }

    /// <summary>Creates the file with a large write buffer.</summary>
    public static PcapFileWriter Create(string path, bool nanosecondTimestamps = false, int snapLength = 262144)
        => new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20), nanosecondTimestamps, snapLength);

    public long PacketsWritten { get; private set; }

    /// <summary>Appends one record; the frame is cut to the snap length, the original length is kept.</summary>
    public void Write(long timestampNanos, ReadOnlySpan<byte> frame, int originalLength)
    {
        var captured = Math.Min(frame.Length, _snapLength);
        var seconds = Math.DivRem(timestampNanos, 1_000_000_000L, out var fraction);
        var h = _header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(h, (uint)seconds);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], (uint)(_nanos ? fraction : fraction / 1000));
        BinaryPrimitives.WriteInt32LittleEndian(h[8..], captured);
        BinaryPrimitives.WriteInt32LittleEndian(h[12..], Math.Max(originalLength, captured));
        _stream.Write(h);
        _stream.Write(frame[..captured]);
        PacketsWritten++;
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _stream.Flush();
        _stream.Dispose();
    }
}
