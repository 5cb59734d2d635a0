namespace Vnd.Capture.Synthetic.Demo;

/// <summary>
/// Shape of <see cref="WebTierTraffic"/>. Addresses and MACs default to the built-in demo cloud's tenant2: a client
/// (10.0.0.6, the same address as tenant1's client1: the tenants' address spaces overlap), the load balancer's
/// virtual address 10.0.0.5 and the web servers 10.0.0.8 and 10.0.0.9.
/// </summary>
public sealed record WebTierOptions
{
    public long StartNanos { get; init; } = 1_767_225_600L * 1_000_000_000L;
    public int Seed { get; init; } = 6001;
    public long DurationNanos { get; init; } = 20_000_000_000;
    public int ConnectionsPerSecond { get; init; } = 25;
    public int RequestBytes { get; init; } = 180;
    public int ResponseSegments { get; init; } = 5;
    public int SegmentSize { get; init; } = 1448;
    public long HostToLbNanos { get; init; } = 50_000;
    public long LbLatencyNanos { get; init; } = 80_000;
    public int LbJitterNanos { get; init; } = 5_000;
    public long ServerThinkNanos { get; init; } = 300_000;
    public long DelayedAckNanos { get; init; } = 40_000_000;
    public uint Client { get; init; } = 0x0A000006; // 10.0.0.6
    public uint VirtualAddress { get; init; } = 0x0A000005; // 10.0.0.5, the lb
    public uint[] Backends { get; init; } = [0x0A000008, 0x0A000009]; // web1, web2
    public ushort Port { get; init; } = 80;
    public ulong ClientMac { get; init; } = 0xFA163E020006;
    public ulong LbMac { get; init; } = 0xFA163E020005;
    public ulong[] BackendMacs { get; init; } = [0xFA163E020008, 0xFA163E020009];
}
