namespace Vnd.Capture.Synthetic;

/// <summary>Shape of <see cref="BulkTcpTraffic"/>: how many packets, connections, hosts and how fast.</summary>
public sealed record BulkTcpTrafficOptions
{
    public long Packets { get; init; } = 1_000_000;
    public int ConcurrentConnections { get; init; } = 64;
    public int SegmentsPerConnection { get; init; } = 2_000;
    public int SegmentSize { get; init; } = 1448;
    public int Clients { get; init; } = 16;
    public int Servers { get; init; } = 4;
    public uint ClientBase { get; init; } = 0x0A000001; // 10.0.0.1
    public uint ServerBase { get; init; } = 0x0A000101; // 10.0.1.1
    public ushort ServerPort { get; init; } = 80;
    /// <summary>Mean time between packets on the wire; 1 µs is about 12 Gbit/s of 1500-byte frames.</summary>
    public long MeanGapNanos { get; init; } = 1_000;
    public long StartNanos { get; init; } = 1_700_000_000L * 1_000_000_000L;
    public int Seed { get; init; } = 42;
}
