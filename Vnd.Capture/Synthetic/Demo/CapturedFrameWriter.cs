namespace Vnd.Capture.Synthetic.Demo;

/// <summary>Writes frames a capture point saw into a nanosecond pcap, each cut to a snap length.</summary>
public static class CapturedFrameWriter
{
    public static long Write(IReadOnlyList<CapturedFrame> frames, string path, int snapLength)
    {
        var buffer = new byte[FrameBuilder.EthernetLength + FrameBuilder.Ipv4Length + FrameBuilder.TcpLength];
        using var writer = PcapFileWriter.Create(path, nanosecondTimestamps: true, snapLength: snapLength);
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            var segment = frame.Segment;
            var headers = FrameBuilder.WriteTcp(buffer, in segment);
            // The payload is never captured past the headers; the original length keeps its size.
            writer.Write(frame.TimestampNanos, buffer.AsSpan(0, headers), headers + segment.PayloadLength);
        }
        return writer.PacketsWritten;
    }
}
