using System.Globalization;
using Vnd.Capture.Sources;
using Vnd.Capture.Tests.Support;
using Vnd.Tests.Shared;

namespace Vnd.Capture.Tests.Sources;

/// <summary>
/// Every capture in truth/index.csv read end to end and compared, packet by packet, with capinfos' count and
/// tshark's frame.len, frame.cap_len, frame.time_epoch (exact nanoseconds) and frame.interface_id.
/// </summary>
public sealed class TruthComparisonTests
{
    // tshark renders garbage times for out-of-range fractions; TimestampNormalizationTests checks these.
    private static readonly HashSet<string> TimeNotTruth =
    [
        "malformed/tcpdump_timestamp_invalid_micro.pcap",
        "malformed/tcpdump_timestamp_invalid_nano.pcap",
    ];

    public static TheoryData<string> Files() => CaptureIndex.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public void Matches_capinfos_and_tshark(string file)
    {
        var entry = CaptureIndex.Find(file);
        if (entry.Unreadable)
        {
            Assert.Throws<CaptureFormatException>(() => CaptureFile.Open(entry.Path).Dispose());
            return;
        }

        List<RecordSnapshot> records;
        ReaderDiagnostics diagnostics;
        using (var source = CaptureFile.Open(entry.Path))
        {
            records = RecordSnapshot.ReadAll(source);
            diagnostics = source.Diagnostics;
        }
        Assert.Equal(int.Parse(entry.Packets, CultureInfo.InvariantCulture), records.Count);
        Assert.Null(diagnostics.TruncatedAtOffset);
        Assert.Null(diagnostics.AbandonedAtOffset);
        Assert.Equal(new FileInfo(entry.Path).Length, diagnostics.BytesRead);

        var truth = CsvTable.Load(SharedData.Truth(entry.Name));
        var rows = new List<string[]>();
        foreach (var row in truth.Rows)
        {
            // tshark 4.0 turns pcapng custom blocks into extra "frames" with no interface id: not packets.
            if (!entry.IsPcapng || truth.Get(row, "frame.interface_id").Length != 0)
                rows.Add(row);
        }
        Assert.Equal(rows.Count, records.Count);

        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var row = rows[i];
            var where = $"{file} packet {i + 1}";
            Assert.True(int.Parse(truth.Get(row, "frame.len"), CultureInfo.InvariantCulture) == record.OriginalLength, where + " len");
            Assert.True(int.Parse(truth.Get(row, "frame.cap_len"), CultureInfo.InvariantCulture) == record.CapturedLength, where + " cap_len");
            var interfaceId = truth.Get(row, "frame.interface_id");
            Assert.Equal(entry.IsPcapng ? int.Parse(interfaceId, CultureInfo.InvariantCulture) : -1, record.InterfaceId);
            var time = truth.Get(row, "frame.time_epoch");
            if (time.Length == 0)
            {
                Assert.False(record.HasTimestamp, where + " has no time in tshark (SPB)");
            }
            else if (!TimeNotTruth.Contains(file))
            {
                Assert.True(record.HasTimestamp, where);
                Assert.Equal(ParseEpochNanos(time), record.TimestampNanos);
            }
        }
    }

    /// <summary>"1767663089.500330493" to integer nanoseconds, without going through floating point.</summary>
    internal static long ParseEpochNanos(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var seconds = long.Parse(text.AsSpan(0, dot), CultureInfo.InvariantCulture);
        var fraction = text.AsSpan(dot + 1);
        Assert.Equal(9, fraction.Length);
        var nanos = long.Parse(fraction, CultureInfo.InvariantCulture);
        return seconds < 0 || text.StartsWith('-') ? seconds * 1_000_000_000 - nanos : seconds * 1_000_000_000 + nanos;
    }
}
