namespace Vnd.Capture.Synthetic.Demo;

/// <summary>
/// The traffic of the paper's bottlenecked-middlebox experiment (§5.1.1, Fig. 10/11), generated deterministically
/// as the capture points A, B and C of the chain would record it. Before client2 joins, client1 alone is app-limited
/// and the IDS keeps up; after it joins, the two clients offer more than the IDS inspects, its queue fills (the
/// B→C delay rises) and it drops (packets seen at B but never at C), while the RE only adds a constant delay.
/// <para>
/// Data flows client → server (iperf's default direction). The paper says the clients "fetch" data, but its
/// arithmetic — RTT_A − RTT_B is the RE's processing time — needs the data to cross A first, with the ACK coming
/// back through the chain.
/// </para>
/// <para>
/// Frames are plain Ethernet/IPv4/TCP, no VXLAN header: capture points are virtual-switch ports of the tenant's
/// VMs and appliances (the RE's, the IDS's, the server's tap), where frames are not yet encapsulated — the VNI is
/// only added at the hypervisor's tunnel port, and a mirror rule already restricts the capture to the tenant.
/// </para>
/// </summary>
public static class ChainTraffic
{
    /// <summary>Captured bytes per frame: the Ethernet, IPv4 and TCP headers, as a header-only mirror records them.</summary>
    public const int SnapLength = 128;

    public static ChainTrace Generate(ChainScenarioOptions? options = null) =>
        new ChainSimulation(options ?? new ChainScenarioOptions()).Run();

    /// <summary>Writes one capture point's frames as a nanosecond pcap; returns the number of frames.</summary>
    public static long WritePcap(ChainTrace trace, ChainCapturePoint point, string path) =>
        CapturedFrameWriter.Write(trace.Frames(point), path, SnapLength);
}
