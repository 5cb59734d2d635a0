using Vnd.Capture.Sources;
using Vnd.Tests.Shared;

namespace Vnd.Capture.Tests.Support;

/// <summary>
/// Reads the shared sample captures through VND's own reader (<see cref="CaptureFile"/>), so that a decoder test on
/// a sample capture checks reader and decoder end to end. The only place tests turn a sample file into frames.
/// </summary>
public static class SampleCaptures
{
    /// <summary>Every record of the capture at <paramref name="path"/>, copied out of the reader's buffer.</summary>
    /// <exception cref="CaptureFormatException">The reader refuses the file header (MANIFEST "unreadable").</exception>
    public static List<SampleFrame> Read(string path)
    {
        var frames = new List<SampleFrame>();
        using var source = CaptureFile.Open(path);
        while (source.TryReadNext(out var record))
        {
            frames.Add(new SampleFrame(record.Data.ToArray(), (ushort)record.LinkType, record.OriginalLength,
                record.InterfaceId, record.TimestampNanos, record.HasTimestamp));
        }
        return frames;
    }

    /// <summary>All capture files below a folder of <c>shared/data/pcaps</c>.</summary>
    public static IEnumerable<string> In(string folder) =>
        Directory.EnumerateFiles(SharedData.Pcap(folder)).Where(IsCapture).Order(StringComparer.Ordinal);

    /// <summary>The captures of <paramref name="folders"/> as paths relative to <c>shared/data/pcaps</c>.</summary>
    public static TheoryData<string> InFolders(params string[] folders)
    {
        var data = new TheoryData<string>();
        foreach (var folder in folders)
        {
            foreach (var file in In(folder))
                data.Add(folder + "/" + Path.GetFileName(file));
        }
        return data;
    }

    private static bool IsCapture(string path) =>
        path.EndsWith(".pcap", StringComparison.Ordinal) || path.EndsWith(".pcapng", StringComparison.Ordinal)
        || path.EndsWith(".cap", StringComparison.Ordinal);
}
