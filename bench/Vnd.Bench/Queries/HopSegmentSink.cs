using Vnd.Capture.Synthetic;

namespace Vnd.Bench.Queries;

/// <summary>
/// One hop of a virtual network seen by two capture points: every generated segment is written to the In capture,
/// and, unless the hop drops it (1 in <see cref="DropEvery"/>, chosen by a hash of its ordinal so runs repeat), to the
/// Out capture after a per-packet processing delay of 20–50 µs. The packet's header fields are unchanged, so its
/// packet id (ip.id + seq &lt;&lt; 16) matches across the hop as the paper's one-hop delay and loss queries need.
/// </summary>
public struct HopSegmentSink : ISegmentSink
{
    public const int DropEvery = 100;
    private const long MinDelayNanos = 20_000;
    private const long DelaySpreadNanos = 30_000;

    private readonly PcapSegmentSink _in;
    private readonly PcapSegmentSink _out;
    private long _ordinal;

    public HopSegmentSink(PcapFileWriter inCapture, PcapFileWriter outCapture)
    {
        _in = new PcapSegmentSink(inCapture);
        _out = new PcapSegmentSink(outCapture);
        _ordinal = 0;
    }

    /// <summary>Packets the hop dropped so far.</summary>
    public long Dropped { get; private set; }

    public void OnSegment(long timestampNanos, in TcpSegment segment)
    {
        _in.OnSegment(timestampNanos, in segment);
        var hash = Mix((ulong)_ordinal++);
        if (hash % DropEvery == 0)
        {
            Dropped++;
            return;
        }
        _out.OnSegment(timestampNanos + MinDelayNanos + (long)((hash >> 20) % DelaySpreadNanos), in segment);
    }

    /// <summary>SplitMix64's finalizer: a bijective hash, so drops and delays look random but repeat exactly.</summary>
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
