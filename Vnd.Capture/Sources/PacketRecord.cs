namespace Vnd.Capture.Sources;

/// <summary>
/// One captured packet as framed by a record source. <see cref="Data"/> points into the reader's buffer and is
/// valid only until the next call to <see cref="IRecordSource.TryReadNext"/>; copy what must outlive it.
/// </summary>
public readonly ref struct PacketRecord
{
    internal PacketRecord(ReadOnlySpan<byte> data, int originalLength, long timestampNanos, bool hasTimestamp,
        LinkType linkType, int interfaceId, long fileOffset, RecordFlags flags)
    {
        Data = data;
        OriginalLength = originalLength;
        TimestampNanos = timestampNanos;
        HasTimestamp = hasTimestamp;
        LinkType = linkType;
        InterfaceId = interfaceId;
        FileOffset = fileOffset;
        Flags = flags;
    }

    /// <summary>The captured bytes (length = captured length).</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Length of the packet on the wire; larger than <c>Data.Length</c> when the capture was cut by snaplen.</summary>
    public int OriginalLength { get; }

    /// <summary>Nanoseconds since the Unix epoch, UTC. 0 when <see cref="HasTimestamp"/> is false.</summary>
    public long TimestampNanos { get; }

    /// <summary>False for pcapng Simple Packet Blocks, which carry no timestamp.</summary>
    public bool HasTimestamp { get; }

    /// <summary>Link-layer header type of <see cref="Data"/>.</summary>
    public LinkType LinkType { get; }

    /// <summary>pcapng interface id within its section; -1 for classic pcap.</summary>
    public int InterfaceId { get; }

    /// <summary>Byte offset of the record (pcap record header or pcapng block) in the capture.</summary>
    public long FileOffset { get; }

    /// <summary>What the reader noticed or repaired while framing this record.</summary>
    public RecordFlags Flags { get; }
}
