namespace Vnd.Capture.Synthetic.Demo;

/// <summary>
/// A hop that delays every packet by a latency plus seeded jitter but never reorders them nor drops any (the RE,
/// and the IDS's lightly loaded reverse direction).
/// </summary>
internal sealed class FifoHop(long latencyNanos, int jitterNanos, Random random)
{
    private const long MinGapNanos = 1_000;
    private long _lastOut = long.MinValue / 2;

    /// <summary>When a packet entering at <paramref name="time"/> leaves.</summary>
    public long Pass(long time)
    {
        var leave = time + latencyNanos + (jitterNanos > 0 ? random.Next(jitterNanos) : 0);
        if (leave < _lastOut + MinGapNanos)
            leave = _lastOut + MinGapNanos;
        _lastOut = leave;
        return leave;
    }
}
