namespace Vnd.Capture.Synthetic.Demo;

/// <summary>
/// The IDS's forward direction: one inspector serving packets first come first served, each taking a fixed time
/// plus a time per payload byte, with a bounded waiting room. A packet arriving to a full room is dropped (drop
/// tail); this is the only place the chain loses packets.
/// </summary>
internal sealed class InspectionQueue(ChainScenarioOptions options)
{
    private readonly Queue<long> _departures = new();
    private long _lastDeparture;

    public long Dropped { get; private set; }

    /// <summary>When the packet leaves the inspector, or -1 when it is dropped.</summary>
    public long Admit(long arrival, int payloadLength)
    {
        while (_departures.Count > 0 && _departures.Peek() <= arrival)
            _departures.Dequeue();
        if (_departures.Count > options.IdsBufferPackets)
        {
            Dropped++;
            return -1;
        }
        var start = Math.Max(arrival, _lastDeparture);
        _lastDeparture = start + options.IdsServicePerPacketNanos + options.IdsServicePerByteNanos * payloadLength;
        _departures.Enqueue(_lastDeparture);
        return _lastDeparture;
    }
}
