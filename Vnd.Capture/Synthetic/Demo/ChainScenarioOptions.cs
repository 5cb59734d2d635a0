namespace Vnd.Capture.Synthetic.Demo;

/// <summary>
/// The timing of the chain scenario (paper §5.1.1): client1 sends bulk TCP to the server from
/// <see cref="Client1StartNanos"/>, client2 joins at <see cref="Client2JoinNanos"/>; together they offer more than
/// the IDS can inspect, so its queue fills and it drops. The RE only adds a small constant delay and never drops.
/// Times are offsets from <see cref="StartNanos"/> in nanoseconds. The defaults give about 50,000 data segments
/// per capture point over 20 s: small enough to seed in well under a second.
/// </summary>
public sealed record ChainScenarioOptions
{
    /// <summary>2026-01-01T00:00:00Z: a fixed epoch so every run writes the same timestamps.</summary>
    public long StartNanos { get; init; } = 1_767_225_600L * 1_000_000_000L;
    public int Seed { get; init; } = 5111;
    public long Client1StartNanos { get; init; } = 500_000_000;
    public long Client2JoinNanos { get; init; } = 10_000_000_000;
    /// <summary>When both clients' applications stop writing; connections then drain and close.</summary>
    public long StopNanos { get; init; } = 20_000_000_000;
    /// <summary>What each client's application writes, in full segments per second (iperf -b).</summary>
    public int AppSegmentsPerSecond { get; init; } = 2_000;
    public int SegmentSize { get; init; } = 1448;
    /// <summary>The receiver's window in segments: caps the congestion window.</summary>
    public int MaxWindowSegments { get; init; } = 64;
    /// <summary>Client NIC serialisation, ns per byte (8: 1 Gbit/s).</summary>
    public long ClientNanosPerByte { get; init; } = 8;
    public long ClientToReNanos { get; init; } = 60_000;
    public long ReLatencyNanos { get; init; } = 250_000;
    public int ReJitterNanos { get; init; } = 20_000;
    /// <summary>The RE (hv1) to IDS (hv2) hop crosses the VXLAN tunnel.</summary>
    public long TunnelNanos { get; init; } = 120_000;
    public long IdsLatencyNanos { get; init; } = 200_000;
    public int IdsJitterNanos { get; init; } = 10_000;
    /// <summary>IDS inspection time: per packet plus per payload byte (≈ 3,300 full segments per second).</summary>
    public long IdsServicePerPacketNanos { get; init; } = 40_000;
    public long IdsServicePerByteNanos { get; init; } = 180;
    /// <summary>Packets the IDS holds waiting for inspection; arrivals beyond are dropped (drop tail).</summary>
    public int IdsBufferPackets { get; init; } = 48;
    public long IdsToServerNanos { get; init; } = 50_000;
    /// <summary>The server's network stack: from a segment's arrival to the ACK leaving it.</summary>
    public long ServerStackNanos { get; init; } = 40_000;
    public long DelayedAckNanos { get; init; } = 40_000_000;
    public long MinRtoNanos { get; init; } = 200_000_000;
    public long SynRtoNanos { get; init; } = 1_000_000_000;
    public ChainEndpoints Endpoints { get; init; } = new();
}
