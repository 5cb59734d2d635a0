using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Vnd.Planner.Types;

namespace Vnd.Capture.Sources;

/// <summary>
/// Classic libpcap file reader (magics a1b2c3d4 and a1b23c4d, either byte order). Bad records are counted and
/// kept when their bytes are there; a captured length above the maximum record size cannot be trusted to find
/// the next record, so reading stops there (no resynchronisation guesswork).
/// </summary>
internal sealed class PcapReader : CaptureFileReader
{
    private const int FileHeaderLength = 24;
    private const int RecordHeaderLength = 16;
    private const uint ReservedLinkTypeBits = 0x03FF_0000;
    /// <summary>Bytes ahead of the record being read that are prefetched: ~8 records of a 96-byte snaplen capture.</summary>
    private const int PrefetchDistance = 1024;

    private readonly bool _bigEndian;
    private readonly uint _fractionLimit;
    private readonly long _fractionToNanos;
    private readonly uint _snapLength;
    /// <summary>The snapshot length a captured length may reach: <see cref="_snapLength"/>, or no limit when it is 0.</summary>
    private readonly uint _snapLimit;
    private readonly uint _maxRecordSize;
    private readonly TimeUnit _resolution;

    public PcapReader(CaptureInput input, CaptureReaderOptions options, bool bigEndian, bool nanosecond)
        : base(input)
    {
        _bigEndian = bigEndian;
        // At most what keeps a record's length (header included) a positive int, so that a record that passes the
        // test is one Ensure can make available whole (its bytes are read unchecked); a negative option (a huge uint)
        // means that much too.
        _maxRecordSize = Math.Min((uint)options.MaxRecordSize, int.MaxValue - RecordHeaderLength);
        if (nanosecond)
        {
            _fractionLimit = 1_000_000_000;
            _fractionToNanos = 1;
            _resolution = TimeUnit.Nanosecond;
        }
        else
        {
            _fractionLimit = 1_000_000;
            _fractionToNanos = 1_000;
            _resolution = TimeUnit.Microsecond;
        }

        if (!input.Ensure(FileHeaderLength))
            throw new CaptureFormatException(CaptureFormatError.TruncatedHeader, input.Available,
                $"pcap file header needs {FileHeaderLength} bytes, the file has {input.Available}");
        var header = input.Peek(FileHeaderLength);
        var major = ByteOrder.U16(header[4..], bigEndian);
        var minor = ByteOrder.U16(header[6..], bigEndian);
        if (major != 2)
            throw new CaptureFormatException(CaptureFormatError.UnsupportedVersion, 4,
                $"pcap version {major}.{minor} is not supported (only 2.x; 1.x is the archaic format)");
        _snapLength = ByteOrder.U32(header[16..], bigEndian);
        _snapLimit = _snapLength == 0 ? uint.MaxValue : _snapLength;
        var linkWord = ByteOrder.U32(header[20..], bigEndian);
        // Bits 28-31 (FCS length) and 26 (FCS present) are legitimate; bits 16-25 are reserved.
        if ((linkWord & ReservedLinkTypeBits) != 0)
            throw new CaptureFormatException(CaptureFormatError.ReservedLinkTypeBits, 20,
                $"reserved bits of the link-type word are set (0x{linkWord:x8})");
        LinkType = (LinkType)(linkWord & 0xFFFF);
        FcsLength = (linkWord & 0x0400_0000) != 0 ? (int)(linkWord >> 28) * 2 : 0;
        input.Advance(FileHeaderLength);
        Diagnostics.BytesRead = FileHeaderLength;
    }

    public override TimeUnit Resolution => _resolution;

    /// <summary>Link type of every record in the file.</summary>
    public LinkType LinkType { get; }

    /// <summary>Snapshot length from the file header (0 = not set).</summary>
    public uint SnapLength => _snapLength;

    /// <summary>Bytes of frame check sequence at the end of each packet, when the header declares them.</summary>
    public int FcsLength { get; }

    // Inlined into the import loop, which is specialised for this sealed reader (PcapCursor) and compiled fully
    // optimised from its first call; AggressiveOptimization here would keep it out of line (a call per packet).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override bool TryReadNext(out PacketRecord record)
    {
        var input = Input;
        // The record is cleared here, not by End and Abandon: with no address taken, it stays in registers.
        if (Finished || !input.Ensure(RecordHeaderLength))
        {
            record = default;
            return End();
        }

        // The four header words read as they are, and swapped once when the file is big-endian (not tested per word).
        ref var header = ref input.Next; // the 16 bytes just ensured
        var seconds = Unsafe.ReadUnaligned<uint>(ref header);
        var fraction = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref header, 4));
        var capturedLength = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref header, 8));
        var originalLength = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref header, 12));
        if (_bigEndian != !BitConverter.IsLittleEndian)
        {
            seconds = BinaryPrimitives.ReverseEndianness(seconds);
            fraction = BinaryPrimitives.ReverseEndianness(fraction);
            capturedLength = BinaryPrimitives.ReverseEndianness(capturedLength);
            originalLength = BinaryPrimitives.ReverseEndianness(originalLength);
        }

        if (capturedLength > _maxRecordSize)
        {
            record = default;
            return Abandon(ReaderErrorKind.CaplenTooLarge);
        }
        var recordLength = RecordHeaderLength + (int)capturedLength;
        if (!input.Ensure(recordLength))
        {
            record = default;
            return End();
        }
        // The records a few ahead (two lines: a record is often longer than one), while this one is decoded.
        input.Prefetch(PrefetchDistance);
        input.Prefetch(PrefetchDistance + 64);

        var flags = RecordFlags.None;
        // What RecordChecks.Inspect repairs, tested at once: a fraction out of range, a captured length of 0 or above
        // the original length or the snapshot length (capturedLength - 1 wraps for 0: then above any limit), an
        // original length past int. Non-short-circuit operators: one branch, always the same way for a sound file,
        // instead of five.
        var odd = (fraction >= _fractionLimit) | (capturedLength - 1 >= Math.Min(originalLength, _snapLimit)) | (originalLength > int.MaxValue);
        if (odd)
        {
            // The repaired length and the flags in one value: a local passed by reference had its address taken and
            // was stored (zeroed) on every record, also on the common path.
            var inspected = Inspect(fraction, capturedLength, originalLength);
            originalLength = (uint)inspected;
            flags = (RecordFlags)(inspected >> 32);
        }

        var offset = input.Offset;
        // An out-of-range fraction needs no special arithmetic: seconds*1e9 + fraction*scale is exactly the
        // value with the excess carried into the seconds.
        var nanos = seconds * 1_000_000_000L + fraction * _fractionToNanos;
        // Unchecked: Ensure made the whole record available, and capturedLength is at most the maximum record size.
        var data = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref input.Next, RecordHeaderLength), (int)capturedLength);
        record = new PacketRecord(data, (int)originalLength, nanos,
            true, LinkType, -1, offset, flags);
        input.Advance(recordLength);
        Diagnostics.BytesRead = offset + recordLength;
        return true;
    }

    /// <summary>Counts what is wrong with a record header: the original length as repaired, the record's flags above it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ulong Inspect(uint fraction, uint capturedLength, uint originalLength)
    {
        var flags = RecordChecks.Inspect(Diagnostics, ref capturedLength, ref originalLength, uint.MaxValue, _snapLength);
        if (fraction >= _fractionLimit)
        {
            Diagnostics.Add(ReaderErrorKind.InvalidTimestampFraction);
            flags |= RecordFlags.TimestampNormalized;
        }
        return (ulong)flags << 32 | originalLength;
    }
}
