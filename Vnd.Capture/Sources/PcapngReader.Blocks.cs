using Vnd.Planner.Types;

namespace Vnd.Capture.Sources;

/// <summary>Decoding of the pcapng blocks that describe interfaces and carry packets.</summary>
internal sealed partial class PcapngReader
{
    private const int InterfaceBlockMinimum = 20;
    private const int EnhancedHeaderLength = 28;
    private const int SimpleHeaderLength = 12;

    private void AddInterface(ReadOnlySpan<byte> block)
    {
        if (block.Length < InterfaceBlockMinimum)
        {
            Diagnostics.Add(ReaderErrorKind.BadBlockLength);
            return;
        }
        if (_interfaces.Count >= _maxInterfaces)
        {
            Diagnostics.Add(ReaderErrorKind.TooManyInterfaces);
            return;
        }
        var linkType = (LinkType)ByteOrder.U16(block[8..], _bigEndian);
        var snapLength = ByteOrder.U32(block[12..], _bigEndian);
        var scale = TimestampScale.Microseconds;
        long offsetSeconds = 0;
        var options = new PcapngOptions(block[16..^4], _bigEndian);
        while (options.TryNext(out var code, out var value))
        {
            if (code == PcapngOptions.InterfaceTimestampResolution && value.Length >= 1)
                scale = TimestampScale.FromResolution(value[0]);
            else if (code == PcapngOptions.InterfaceTimestampOffset && value.Length >= 8)
                offsetSeconds = ByteOrder.I64(value, _bigEndian);
        }
        if (options.Malformed)
            Diagnostics.Add(ReaderErrorKind.BadOption);
        if (scale.IsFinerThanMicrosecond)
            _resolution = TimeUnit.Nanosecond;
        var offsetNanos = Math.Abs(offsetSeconds) <= long.MaxValue / 1_000_000_000
            ? offsetSeconds * 1_000_000_000
            : (offsetSeconds < 0 ? long.MinValue : long.MaxValue);
        _interfaces.Add(new PcapngInterface(linkType, snapLength, scale, offsetNanos));
    }

    private bool TryEnhancedPacket(ReadOnlySpan<byte> block, long offset, out PacketRecord record) =>
        TryTimedPacket(block, offset, ByteOrder.U32(block[8..], _bigEndian), out record);

    private bool TryObsoletePacket(ReadOnlySpan<byte> block, long offset, out PacketRecord record) =>
        TryTimedPacket(block, offset, ByteOrder.U16(block[8..], _bigEndian), out record);

    /// <summary>EPB and OPB share the layout after the interface id: timestamp high/low, captured and original length.</summary>
    private bool TryTimedPacket(ReadOnlySpan<byte> block, long offset, uint interfaceId, out PacketRecord record)
    {
        record = default;
        if (block.Length < EnhancedHeaderLength + 4)
        {
            Diagnostics.Add(ReaderErrorKind.BadBlockLength);
            return false;
        }
        if (interfaceId >= (uint)_interfaces.Count)
        {
            Diagnostics.Add(ReaderErrorKind.InterfaceIdOutOfRange);
            return false;
        }
        var description = _interfaces[(int)interfaceId];
        var ticks = ((ulong)ByteOrder.U32(block[12..], _bigEndian) << 32) | ByteOrder.U32(block[16..], _bigEndian);
        var capturedLength = ByteOrder.U32(block[20..], _bigEndian);
        var originalLength = ByteOrder.U32(block[24..], _bigEndian);
        var room = (uint)(block.Length - EnhancedHeaderLength - 4);

        var flags = RecordFlags.None;
        if (capturedLength > room || capturedLength == 0 || capturedLength > originalLength
            || (capturedLength > description.SnapLength && description.SnapLength != 0) || originalLength > int.MaxValue)
        {
            flags = RecordChecks.Inspect(Diagnostics, ref capturedLength, ref originalLength, room, description.SnapLength);
        }
        if (!description.Scale.TryToNanos(ticks, out var nanos) | !TryAddOffset(ref nanos, description.OffsetNanos))
        {
            Diagnostics.Add(ReaderErrorKind.TimestampOverflow);
            flags |= RecordFlags.TimestampOverflow;
        }
        record = new PacketRecord(block.Slice(EnhancedHeaderLength, (int)capturedLength), (int)originalLength, nanos,
            true, description.LinkType, (int)interfaceId, offset, flags);
        return true;
    }

    /// <summary>SPB: no timestamp, interface 0, captured length = min(original, snaplen of interface 0, body).</summary>
    private bool TrySimplePacket(ReadOnlySpan<byte> block, long offset, out PacketRecord record)
    {
        record = default;
        if (block.Length < SimpleHeaderLength + 4)
        {
            Diagnostics.Add(ReaderErrorKind.BadBlockLength);
            return false;
        }
        if (_interfaces.Count == 0)
        {
            Diagnostics.Add(ReaderErrorKind.InterfaceIdOutOfRange);
            return false;
        }
        var description = _interfaces[0];
        var originalLength = ByteOrder.U32(block[8..], _bigEndian);
        var capturedLength = Math.Min(originalLength, (uint)(block.Length - SimpleHeaderLength - 4));
        if (description.SnapLength != 0)
            capturedLength = Math.Min(capturedLength, description.SnapLength);
        var flags = RecordFlags.None;
        if (capturedLength == 0 || originalLength > int.MaxValue)
            flags = RecordChecks.Inspect(Diagnostics, ref capturedLength, ref originalLength, capturedLength, 0);
        record = new PacketRecord(block.Slice(SimpleHeaderLength, (int)capturedLength), (int)originalLength, 0,
            false, description.LinkType, 0, offset, flags);
        return true;
    }

    private static bool TryAddOffset(ref long nanos, long offsetNanos)
    {
        if (offsetNanos == 0)
            return true;
        var sum = nanos + offsetNanos;
        if (((nanos ^ sum) & (offsetNanos ^ sum)) < 0)
        {
            nanos = offsetNanos < 0 ? long.MinValue : long.MaxValue;
            return false;
        }
        nanos = sum;
        return true;
    }
}
