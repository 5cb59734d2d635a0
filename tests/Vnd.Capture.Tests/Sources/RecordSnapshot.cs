using Vnd.Capture.Sources;

namespace Vnd.Capture.Tests.Sources;

/// <summary>The fields of a <see cref="PacketRecord"/> copied out so that a test can keep them.</summary>
internal readonly record struct RecordSnapshot(int CapturedLength, int OriginalLength, long TimestampNanos,
    bool HasTimestamp, LinkType LinkType, int InterfaceId, long FileOffset, RecordFlags Flags, int FirstByte)
{
    public static List<RecordSnapshot> ReadAll(IRecordSource source)
    {
        var records = new List<RecordSnapshot>();
        while (source.TryReadNext(out var r))
        {
            records.Add(new RecordSnapshot(r.Data.Length, r.OriginalLength, r.TimestampNanos, r.HasTimestamp,
                r.LinkType, r.InterfaceId, r.FileOffset, r.Flags, r.Data.IsEmpty ? -1 : r.Data[0]));
        }
        return records;
    }

    public static List<RecordSnapshot> ReadAll(byte[] capture, CaptureReaderOptions? options = null)
    {
        using var source = CaptureFile.Open(new MemoryStream(capture), options);
        return ReadAll(source);
    }
}
