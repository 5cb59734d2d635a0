namespace Vnd.Capture.Tests.Support;

/// <summary>
/// One captured frame copied out of VND's capture reader, as the decoder receives it. <paramref name="InterfaceId"/>
/// is -1 for pcap; <paramref name="TimestampNanos"/> is 0 when <paramref name="HasTimestamp"/> is false (pcapng SPB).
/// </summary>
public sealed record SampleFrame(byte[] Data, ushort LinkType, int OriginalLength, int InterfaceId, long TimestampNanos,
    bool HasTimestamp);
