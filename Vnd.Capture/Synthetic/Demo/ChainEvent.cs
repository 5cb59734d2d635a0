namespace Vnd.Capture.Synthetic.Demo;

internal enum ChainEventKind : byte
{
    /// <summary>A client opens its connection (sends SYN).</summary>
    Open,
    /// <summary>A client's application writes one more segment.</summary>
    Produce,
    /// <summary>A server-to-client segment reaches the client.</summary>
    ClientReceive,
    /// <summary>A client-to-server segment reaches the IDS's queue (capture point B).</summary>
    IdsArrive,
    /// <summary>A client-to-server segment reaches the server (capture point C).</summary>
    ServerReceive,
    /// <summary>The server's delayed-ACK timer.</summary>
    DelayedAck,
    /// <summary>A client's retransmission timer.</summary>
    Retransmit,
}

/// <summary>One scheduled event of the chain simulation; a struct so the event queue holds no objects.</summary>
internal struct ChainEvent
{
    public ChainEventKind Kind;
    public int Flow;
    /// <summary>Timers carry the generation they were armed in; a re-armed timer makes older ones stale.</summary>
    public long Generation;
    public TcpSegment Segment;
}
