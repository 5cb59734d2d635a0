namespace Vnd.Capture.Sources;

/// <summary>What one pcapng Interface Description Block says about the packets captured on it.</summary>
internal readonly record struct PcapngInterface(LinkType LinkType, uint SnapLength, TimestampScale Scale, long OffsetNanos);
