using Vnd.Tests.Shared;

namespace Vnd.Capture.Tests.Support;

/// <summary>The captures listed in <c>truth/index.csv</c>, with capinfos' packet count.</summary>
public static class CaptureIndex
{
    public sealed record Entry(string File, string Container, string Packets)
    {
        public string Path => SharedData.Pcap(File);
        public string Name => System.IO.Path.GetFileName(File);
        public bool IsPcapng => Container.StartsWith("pcapng", StringComparison.Ordinal);
        public bool Unreadable => Packets == "unreadable";
    }

    public static IReadOnlyList<Entry> Entries { get; } = Load();

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Entries)
            data.Add(entry.File);
        return data;
    }

    public static Entry Find(string file)
    {
        foreach (var entry in Entries)
        {
            if (entry.File == file)
                return entry;
        }
        throw new InvalidOperationException($"{file} is not in truth/index.csv");
    }

    private static List<Entry> Load()
    {
        var table = CsvTable.Load(System.IO.Path.Combine(SharedData.Pcaps, "truth", "index.csv"));
        var entries = new List<Entry>();
        foreach (var row in table.Rows)
            entries.Add(new Entry(table.Get(row, "file"), table.Get(row, "container"), table.Get(row, "packets")));
        return entries;
    }
}
