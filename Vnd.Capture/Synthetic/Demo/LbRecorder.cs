namespace Vnd.Capture.Synthetic.Demo;

/// <summary>
/// Records a web-tier packet as the lb's port sees it: entering the lb (input) with the sender's addresses, leaving
/// it (output) after the lb's delay (its jitter is below the spacing of back-to-back segments, so it never reorders) with the destination (toward a backend) or source (toward the client) rewritten.
/// </summary>
internal sealed class LbRecorder(WebTierOptions options, Random random)
{
    private readonly List<CapturedFrame> _input = [];
    private readonly List<CapturedFrame> _output = [];

    public IReadOnlyList<CapturedFrame> Input => Sorted(_input);

    public IReadOnlyList<CapturedFrame> Output => Sorted(_output);

    /// <summary>The client sends at <paramref name="time"/>; returns when the packet leaves the lb.</summary>
    public long ToServer(long time, int backend, ushort port, uint sequence, uint acknowledgment, TcpFlags flags, ushort ipId, int payload)
    {
        var o = options;
        var sent = SegmentOf.Tcp(o.Client, port, o.VirtualAddress, o.Port, sequence, acknowledgment, flags, ipId, payload);
        sent.SourceMac = o.ClientMac;
        sent.DestinationMac = o.LbMac;
        var arrives = time + o.HostToLbNanos;
        _input.Add(new CapturedFrame(arrives, true, sent));
        var forwarded = sent;
        forwarded.DestinationIp = o.Backends[backend];
        forwarded.SourceMac = o.LbMac;
        forwarded.DestinationMac = o.BackendMacs[backend];
        forwarded.Ttl--;
        var leaves = arrives + options.LbLatencyNanos + random.Next(options.LbJitterNanos);
        _output.Add(new CapturedFrame(leaves, true, forwarded));
        return leaves;
    }

    /// <summary>The backend sends at <paramref name="time"/>; returns when the packet leaves the lb.</summary>
    public long ToClient(long time, int backend, ushort port, uint sequence, uint acknowledgment, TcpFlags flags, ushort ipId, int payload)
    {
        var o = options;
        var sent = SegmentOf.Tcp(o.Backends[backend], o.Port, o.Client, port, sequence, acknowledgment, flags, ipId, payload);
        sent.SourceMac = o.BackendMacs[backend];
        sent.DestinationMac = o.LbMac;
        var arrives = time + o.HostToLbNanos;
        _input.Add(new CapturedFrame(arrives, false, sent));
        var forwarded = sent;
        forwarded.SourceIp = o.VirtualAddress;
        forwarded.SourceMac = o.LbMac;
        forwarded.DestinationMac = o.ClientMac;
        forwarded.Ttl--;
        var leaves = arrives + options.LbLatencyNanos + random.Next(options.LbJitterNanos);
        _output.Add(new CapturedFrame(leaves, false, forwarded));
        return leaves;
    }

    private static List<CapturedFrame> Sorted(List<CapturedFrame> frames)
    {
        frames.Sort(static (x, y) => x.TimestampNanos.CompareTo(y.TimestampNanos));
        return frames;
    }
}
