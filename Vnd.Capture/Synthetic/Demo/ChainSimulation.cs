namespace Vnd.Capture.Synthetic.Demo;

/// <summary>
/// A discrete-event simulation of the chain client1, client2 → cgw → RE → IDS → server (paper §5.1.1): events run
/// in time order (ties in scheduling order), all randomness comes from one seeded <see cref="Random"/>, so a seed
/// always yields the same packets. The forward path records each packet at A (entering the RE), B (entering the
/// IDS) and, unless the IDS drops it, C (reaching the server); the reverse path at C, B and A as it leaves each hop.
/// </summary>
internal sealed class ChainSimulation
{
    private const long DrainLimitNanos = 60_000_000_000;
    private readonly PriorityQueue<ChainEvent, (long Time, long Order)> _events = new();
    private readonly List<CapturedFrame>[] _frames = [[], [], []];
    private readonly Random _random;
    private readonly FifoHop _reForward;
    private readonly FifoHop _reReverse;
    private readonly FifoHop _idsReverse;
    private readonly InspectionQueue _ids;
    private readonly ChainSender[] _senders;
    private readonly ChainReceiver[] _receivers;
    private long _order;

    public ChainSimulation(ChainScenarioOptions options)
    {
        Options = options;
        _random = new Random(options.Seed);
        _reForward = new FifoHop(options.ReLatencyNanos, options.ReJitterNanos, _random);
        _reReverse = new FifoHop(options.ReLatencyNanos, options.ReJitterNanos, _random);
        _idsReverse = new FifoHop(options.IdsLatencyNanos, options.IdsJitterNanos, _random);
        _ids = new InspectionQueue(options);
        var clients = new[] { options.Endpoints.Client1, options.Endpoints.Client2 };
        _senders = new ChainSender[clients.Length];
        _receivers = new ChainReceiver[clients.Length];
        for (var flow = 0; flow < clients.Length; flow++)
        {
            _senders[flow] = new ChainSender(this, flow, clients[flow], (ushort)_random.Next(40000, 60000),
                (uint)_random.Next(), (ushort)_random.Next(ushort.MaxValue));
            _receivers[flow] = new ChainReceiver(this, flow, (uint)_random.Next(), (ushort)_random.Next(ushort.MaxValue));
        }
    }

    public ChainScenarioOptions Options { get; }

    public ChainTrace Run()
    {
        var o = Options;
        long[] starts = [o.StartNanos + o.Client1StartNanos, o.StartNanos + o.Client2JoinNanos];
        for (var flow = 0; flow < starts.Length; flow++)
        {
            Schedule(ChainEventKind.Open, flow, starts[flow], 0);
            Schedule(ChainEventKind.Produce, flow, starts[flow], 0);
        }
        var stop = o.StartNanos + o.StopNanos;
        var interval = 1_000_000_000L / o.AppSegmentsPerSecond;
        while (_events.TryDequeue(out var e, out var at))
        {
            var now = at.Time;
            // Connections drain within seconds of the stop; anything later is a sender that cannot finish.
            if (now > stop + DrainLimitNanos)
                throw new InvalidOperationException($"the chain simulation still had {e.Kind} events {DrainLimitNanos / 1_000_000_000} s after the stop");
            switch (e.Kind)
            {
                case ChainEventKind.Open:
                    _senders[e.Flow].Open(now);
                    break;
                case ChainEventKind.Produce when now >= stop:
                    _senders[e.Flow].StopApplication(now);
                    break;
                case ChainEventKind.Produce:
                    _senders[e.Flow].Produce(now);
                    Schedule(ChainEventKind.Produce, e.Flow, now + interval - interval / 10 + _random.Next((int)(interval / 5)), 0);
                    break;
                case ChainEventKind.Retransmit:
                    _senders[e.Flow].OnTimer(now, e.Generation);
                    break;
                case ChainEventKind.ClientReceive:
                    _senders[e.Flow].Receive(now, in e.Segment);
                    break;
                case ChainEventKind.IdsArrive:
                    Inspect(now, e.Flow, in e.Segment);
                    break;
                case ChainEventKind.ServerReceive:
                    _receivers[e.Flow].Receive(now, in e.Segment);
                    break;
                case ChainEventKind.DelayedAck:
                    _receivers[e.Flow].OnDelayedAck(now, e.Generation);
                    break;
            }
        }
        foreach (var frames in _frames)
            frames.Sort(static (x, y) => x.TimestampNanos.CompareTo(y.TimestampNanos));
        return new ChainTrace(o, _frames, _ids.Dropped);
    }

    public void Schedule(ChainEventKind kind, int flow, long time, long generation) =>
        _events.Enqueue(new ChainEvent { Kind = kind, Flow = flow, Generation = generation }, (time, _order++));

    /// <summary>A client's segment leaves its NIC at <paramref name="time"/>: A, the RE, the tunnel, then B.</summary>
    public void SendForward(int flow, in TcpSegment segment, long time)
    {
        var atA = time + Options.ClientToReNanos;
        Record(ChainCapturePoint.A, true, atA, in segment);
        var atB = _reForward.Pass(atA) + Options.TunnelNanos;
        Record(ChainCapturePoint.B, true, atB, in segment);
        _events.Enqueue(new ChainEvent { Kind = ChainEventKind.IdsArrive, Flow = flow, Segment = segment }, (atB, _order++));
    }

    /// <summary>The server's segment leaves it at <paramref name="time"/>: C, the IDS, B, the tunnel, the RE, A.</summary>
    public void SendReverse(int flow, in TcpSegment segment, long time)
    {
        Record(ChainCapturePoint.C, false, time, in segment);
        var atB = _idsReverse.Pass(time + Options.IdsToServerNanos);
        Record(ChainCapturePoint.B, false, atB, in segment);
        var atA = _reReverse.Pass(atB + Options.TunnelNanos);
        Record(ChainCapturePoint.A, false, atA, in segment);
        _events.Enqueue(new ChainEvent { Kind = ChainEventKind.ClientReceive, Flow = flow, Segment = segment },
            (atA + Options.ClientToReNanos, _order++));
    }

    private void Inspect(long now, int flow, in TcpSegment segment)
    {
        var inspected = _ids.Admit(now, segment.PayloadLength);
        if (inspected < 0)
            return;
        var atC = inspected + Options.IdsLatencyNanos + Options.IdsToServerNanos;
        Record(ChainCapturePoint.C, true, atC, in segment);
        _events.Enqueue(new ChainEvent { Kind = ChainEventKind.ServerReceive, Flow = flow, Segment = segment }, (atC, _order++));
    }

    /// <summary>Keeps the frame as the capture point's link carries it: that link's MACs, TTL after the routed hops.</summary>
    private void Record(ChainCapturePoint point, bool towardServer, long time, in TcpSegment segment)
    {
        var (clientSide, serverSide) = Options.Endpoints.Link(point);
        var seen = segment;
        seen.SourceMac = towardServer ? clientSide : serverSide;
        seen.DestinationMac = towardServer ? serverSide : clientSide;
        // Routed hops: cgw, RE and IDS each decrement the TTL on the way.
        var hops = towardServer ? 1 + (int)point : 2 - (int)point;
        seen.Ttl = (byte)(segment.Ttl - hops);
        _frames[(int)point].Add(new CapturedFrame(time, towardServer, seen));
    }
}
