using Spectre.Console;
using Vnd.Capture.Decoding;
using Vnd.Capture.Import;
using Vnd.Capture.Sources;

namespace Vnd.Engine.Cli;

/// <summary>The end-of-import report: packets, rows per table, problems by kind, time and rate.</summary>
internal static class ImportSummaryView
{
    public static void Write(IAnsiConsole console, ImportSummary summary, IReadOnlyList<(string File, string Error)> failures)
    {
        console.WriteLine($"packets read: {summary.Packets:N0} ({summary.Bytes:N0} bytes) in {summary.Elapsed.TotalSeconds:F2} s, {summary.PacketsPerSecond:N0} packets/s");
        // Only worth a line when the disk, not decoding, set the pace.
        if (summary.WaitedForDisk.TotalSeconds >= 0.1 * summary.Elapsed.TotalSeconds && summary.WaitedForDisk > TimeSpan.FromMilliseconds(100))
            console.WriteLine($"waited {summary.WaitedForDisk.TotalSeconds:F2} s of it for the disk");
        var tables = new Table().AddColumn("table").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var (table, rows) in summary.RowsPerTable)
            tables.AddRow(Markup.Escape(table.ToString()), rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        console.Write(tables);

        WriteCounts(console, "decode errors", summary.DecodeErrors, i => ((DecodeErrorKind)i).ToString());
        WriteCounts(console, "capture file problems", summary.ReaderErrors, i => ((ReaderErrorKind)i).ToString());
        foreach (var end in summary.Sources)
        {
            if (end.TruncatedAtOffset is { } torn)
                console.MarkupLineInterpolated($"[yellow]{end.Name}: cut short in a record at byte {torn}; the {end.Packets:N0} packets before it were imported[/]");
            if (end.AbandonedAtOffset is { } abandoned)
                console.MarkupLineInterpolated($"[yellow]{end.Name}: stopped at byte {abandoned}: a record length there cannot be trusted; the {end.Packets:N0} packets before it were imported[/]");
        }
        foreach (var (file, error) in failures)
            console.MarkupLineInterpolated($"[red]{file}: not imported: {error}[/]");
    }

    private static void WriteCounts(IAnsiConsole console, string title, IReadOnlyList<long> counts, Func<int, string> name)
    {
        var any = false;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] == 0)
                continue;
            if (!any)
                console.WriteLine(title + ":");
            any = true;
            console.WriteLine($"  {name(i)}: {counts[i]:N0}");
        }
    }
}
