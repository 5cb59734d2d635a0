namespace Vnd.Capture.Synthetic.Demo;

/// <summary>One frame as a capture point saw it: when, in which direction, and its headers (MACs and TTL of that hop).</summary>
public readonly record struct CapturedFrame(long TimestampNanos, bool TowardServer, TcpSegment Segment);
