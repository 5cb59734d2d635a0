namespace Vnd.Capture.Synthetic;

/// <summary>
/// Deterministic bulk TCP traffic: clients download from servers over several concurrent connections, each with a
/// three-way handshake, data segments from the server, a delayed ACK from the client for every second segment (so
/// the paper's RTT join <c>seq + payload_length = ack</c> finds pairs), and a FIN exchange. Connections that end are
/// replaced by new ones on fresh ports. The same seed always yields the same packets.
/// </summary>
public sealed class BulkTcpTraffic
{
    private readonly BulkTcpTrafficOptions _options;

    public BulkTcpTraffic(BulkTcpTrafficOptions options) => _options = options;

    /// <summary>Emits exactly <see cref="BulkTcpTrafficOptions.Packets"/> segments into the sink.</summary>
    public void Generate<TSink>(ref TSink sink) where TSink : ISegmentSink
    {
        var o = _options;
        var random = new Random(o.Seed);
        var flows = new TcpConnectionState[o.ConcurrentConnections];
        ushort nextPort = 32768;
        for (var i = 0; i < flows.Length; i++)
            flows[i] = NewConnection(random, i, ref nextPort);

        var time = o.StartNanos;
        var segment = default(TcpSegment);
        for (long emitted = 0; emitted < o.Packets; emitted++)
        {
            var index = (int)(emitted % flows.Length);
            ref var flow = ref flows[index];
            if (flow.Finished)
                flow = NewConnection(random, index, ref nextPort);
            flow.Next(ref segment, o.SegmentSize);
            time += o.MeanGapNanos / 2 + random.Next((int)Math.Max(1, o.MeanGapNanos));
            sink.OnSegment(time, in segment);
        }
    }

    private TcpConnectionState NewConnection(Random random, int slot, ref ushort nextPort)
    {
        var o = _options;
        var client = o.ClientBase + (uint)(slot % o.Clients);
        var server = o.ServerBase + (uint)(slot % o.Servers);
        var port = nextPort;
        nextPort = nextPort == ushort.MaxValue ? (ushort)32768 : (ushort)(nextPort + 1);
        return new TcpConnectionState(client, server, port, o.ServerPort, (uint)random.Next(), (uint)random.Next(),
            o.SegmentsPerConnection, (ushort)random.Next(ushort.MaxValue));
    }
}
