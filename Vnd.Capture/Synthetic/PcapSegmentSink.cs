namespace Vnd.Capture.Synthetic;

/// <summary>Writes generated segments as Ethernet frames into a pcap file, captured up to the writer's snap length.</summary>
public struct PcapSegmentSink : ISegmentSink
{
    private readonly PcapFileWriter _writer;
    private readonly byte[] _frame;

    public PcapSegmentSink(PcapFileWriter writer, int maxFrame = 1514 + 64)
    {
        _writer = writer;
        _frame = new byte[maxFrame];
    }

    public readonly void OnSegment(long timestampNanos, in TcpSegment segment)
    {
        var headers = FrameBuilder.WriteTcp(_frame, in segment);
        var frameLength = headers + segment.PayloadLength;
        // Payload bytes are never looked at past the snap length; the buffer stays zeroed.
        _writer.Write(timestampNanos, _frame.AsSpan(0, Math.Min(frameLength, _frame.Length)), frameLength);
    }
}
