namespace Vnd.Capture.Synthetic;

/// <summary>Receives generated segments in time order. Implemented by structs so the generator's loop is devirtualised.</summary>
public interface ISegmentSink
{
    void OnSegment(long timestampNanos, in TcpSegment segment);
}
