namespace Vnd.Capture.Synthetic.Demo;

/// <summary>
/// Deterministic web traffic through tenant2's load balancer (paper Fig. 5's lb): short HTTP connections from the
/// client to the virtual address on port 80, sent round robin to web1 and web2. The lb is a destination-NAT load
/// balancer and the web servers' gateway: toward a backend it rewrites the destination to the backend's address,
/// on the way back the source to its own; the client's address, IP ids and sequence numbers pass unchanged, so the
/// paper's packet id joins the lb's input to its output. Each connection: handshake, a request, a response of
/// several segments acknowledged every second segment (a lone last one after the delayed-ACK timer), the server's
/// FIN, the client's FIN and the last ACK. <see cref="CapturedFrame.TowardServer"/> means client → backend.
/// </summary>
public static class WebTierTraffic
{
    public static WebTierTrace Generate(WebTierOptions? options = null)
    {
        var o = options ?? new WebTierOptions();
        var random = new Random(o.Seed);
        var recorder = new LbRecorder(o, random);
        var interval = 1_000_000_000L / o.ConnectionsPerSecond;
        var count = (int)(o.DurationNanos / interval);
        for (var k = 0; k < count; k++)
        {
            var start = o.StartNanos + k * interval + random.Next((int)(interval / 2));
            Connection(o, recorder, random, k, start);
        }
        return new WebTierTrace(recorder.Input, recorder.Output, count);
    }

    private static void Connection(WebTierOptions o, LbRecorder lb, Random random, int k, long t)
    {
        var backend = k % o.Backends.Length;
        var port = (ushort)(32768 + k % 28000);
        uint c = (uint)random.Next(), s = (uint)random.Next();
        ushort cid = (ushort)random.Next(ushort.MaxValue), sid = (ushort)random.Next(ushort.MaxValue);
        var hop = 2 * o.HostToLbNanos + o.LbLatencyNanos;
        var mss = (uint)o.SegmentSize;

        t = lb.ToServer(t, backend, port, c, 0, TcpFlags.Syn, cid++, 0) + hop;
        t = lb.ToClient(t, backend, port, s, c + 1, TcpFlags.Syn | TcpFlags.Ack, sid++, 0) + hop;
        lb.ToServer(t, backend, port, c + 1, s + 1, TcpFlags.Ack, cid++, 0);
        t = lb.ToServer(t + 20_000, backend, port, c + 1, s + 1, TcpFlags.Ack | TcpFlags.Psh, cid++, o.RequestBytes) + hop;
        var requestEnd = c + 1 + (uint)o.RequestBytes;
        t += o.ServerThinkNanos;
        var sequence = s + 1;
        for (var i = 0; i < o.ResponseSegments; i++)
        {
            var last = i == o.ResponseSegments - 1;
            var sent = lb.ToClient(t, backend, port, sequence, requestEnd, TcpFlags.Ack | (last ? TcpFlags.Psh : 0), sid++, (int)mss);
            sequence += mss;
            if (i % 2 == 1)
                lb.ToServer(sent + hop, backend, port, requestEnd, sequence, TcpFlags.Ack, cid++, 0);
            else if (last)
                lb.ToServer(sent + hop + o.DelayedAckNanos, backend, port, requestEnd, sequence, TcpFlags.Ack, cid++, 0);
            t += 12_000 + random.Next(2_000);
        }
        // HTTP/1.0: the server closes once the client has acknowledged the whole response.
        t += o.ResponseSegments % 2 == 1 ? o.DelayedAckNanos + 2 * hop : 2 * hop;
        t = lb.ToClient(t, backend, port, sequence, requestEnd, TcpFlags.Fin | TcpFlags.Ack, sid++, 0) + hop;
        t = lb.ToServer(t, backend, port, requestEnd, sequence + 1, TcpFlags.Fin | TcpFlags.Ack, cid, 0) + hop;
        lb.ToClient(t, backend, port, sequence + 1, requestEnd + 1, TcpFlags.Ack, sid, 0);
    }

    /// <summary>Writes the lb's input or output frames as a nanosecond pcap; returns the number of frames.</summary>
    public static long WritePcap(IReadOnlyList<CapturedFrame> frames, string path) =>
        CapturedFrameWriter.Write(frames, path, ChainTraffic.SnapLength);
}
