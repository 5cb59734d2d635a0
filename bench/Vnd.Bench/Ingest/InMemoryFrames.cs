using Vnd.Capture.Synthetic;

namespace Vnd.Bench.Ingest;

/// <summary>
/// Generated frames packed into one array, so decoders can be timed "from memory" without any file or reader cost.
/// </summary>
public sealed class InMemoryFrames
{
    private InMemoryFrames(byte[] bytes, int[] offsets, int[] originalLengths, long[] timestamps)
    {
        Bytes = bytes;
        Offsets = offsets;
        OriginalLengths = originalLengths;
        Timestamps = timestamps;
    }

    public byte[] Bytes { get; }
    public int[] Offsets { get; }
    public int[] OriginalLengths { get; }
    public long[] Timestamps { get; }
    public int Count => OriginalLengths.Length;

    public ReadOnlySpan<byte> Frame(int i) => Bytes.AsSpan(Offsets[i], Offsets[i + 1] - Offsets[i]);

    public static InMemoryFrames Generate(BulkTcpTrafficOptions options, int snapLength)
    {
        var sink = new Sink(checked((int)options.Packets), snapLength);
        new BulkTcpTraffic(options).Generate(ref sink);
        return new InMemoryFrames(sink.Bytes, sink.Offsets, sink.Lengths, sink.Times);
    }

    private struct Sink : ISegmentSink
    {
        public readonly byte[] Bytes;
        public readonly int[] Offsets;
        public readonly int[] Lengths;
        public readonly long[] Times;
        private readonly byte[] _frame;
        private readonly int _snap;
        private int _count;

        public Sink(int packets, int snap)
        {
            _snap = snap;
            Bytes = new byte[(long)packets * snap > int.MaxValue ? throw new ArgumentOutOfRangeException(nameof(packets)) : packets * snap];
            Offsets = new int[packets + 1];
            Lengths = new int[packets];
            Times = new long[packets];
            _frame = new byte[2048];
        }

        public void OnSegment(long timestampNanos, in TcpSegment segment)
        {
            var headers = FrameBuilder.WriteTcp(_frame, in segment);
            var length = headers + segment.PayloadLength;
            var captured = Math.Min(length, _snap);
            var start = Offsets[_count];
            _frame.AsSpan(0, captured).CopyTo(Bytes.AsSpan(start));
            Offsets[_count + 1] = start + captured;
            Lengths[_count] = length;
            Times[_count] = timestampNanos;
            _count++;
        }
    }
}
