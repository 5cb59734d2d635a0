namespace Vnd.Capture.Synthetic.Demo;

/// <summary>
/// Addresses of the chain client1, client2 → cgw → RE → IDS → server. The defaults are those of the built-in demo
/// cloud's tenant1 (Vnd.Engine's DemoCloud); every hop is routed, so the IP addresses stay end to end while the
/// MACs are those of the two interfaces of the link a frame is on.
/// </summary>
public sealed record ChainEndpoints
{
    public uint Client1 { get; init; } = 0x0A000006; // 10.0.0.6
    public uint Client2 { get; init; } = 0x0A000007; // 10.0.0.7
    public uint Server { get; init; } = 0x0A00030A; // 10.0.3.10
    public ushort ServerPort { get; init; } = 5001; // iperf
    public ulong GatewayToRe { get; init; } = 0xFA163E010101; // cgw eth1, link A
    public ulong ReFromGateway { get; init; } = 0xFA163E010102; // re eth0, link A
    public ulong ReToIds { get; init; } = 0xFA163E010201; // re eth1, link B
    public ulong IdsFromRe { get; init; } = 0xFA163E010202; // ids eth0, link B
    public ulong IdsToServer { get; init; } = 0xFA163E010301; // ids eth1, link C
    public ulong ServerMac { get; init; } = 0xFA163E01030A; // server eth0, link C

    /// <summary>The client-side and server-side MAC of a capture point's link.</summary>
    public (ulong ClientSide, ulong ServerSide) Link(ChainCapturePoint point) => point switch
    {
        ChainCapturePoint.A => (GatewayToRe, ReFromGateway),
        ChainCapturePoint.B => (ReToIds, IdsFromRe),
        _ => (IdsToServer, ServerMac),
    };
}
