namespace Vnd.Capture.Import.Columns;

/// <summary>Where a column's value comes from on a common frame (<see cref="CommonFrameLoad"/>).</summary>
internal enum CommonFrameValue : byte
{
    /// <summary>Bits of the frame at a fixed offset, or a constant of the frame kind, or absent: one branch-free load.</summary>
    Loaded,
    /// <summary>The record's timestamp (nanoseconds, or <see cref="TraceImporter.NoTimestamp"/>).</summary>
    Timestamp,
    /// <summary>frame.len: the length on the wire, at least the bytes captured.</summary>
    FrameLength,
    /// <summary>frame.cap_len.</summary>
    CapturedLength,
    /// <summary>frame.interface_id: absent when the capture has no interfaces (-1).</summary>
    InterfaceId,
    /// <summary>vnd.packet_id of a TCP frame: ip.id + (tcp.seq &lt;&lt; 16).</summary>
    TcpPacketId,
    /// <summary>tcp.hdr_len of a frame with TCP options: the data offset times four.</summary>
    TcpHeaderLength,
    /// <summary>tcp.len of a frame with TCP options: ip.len less the IPv4 and TCP headers (never negative for the kind).</summary>
    TcpPayloadLength,
}
