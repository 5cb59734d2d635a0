using System.Diagnostics;
using Vnd.Bench.Ingest;
using Vnd.Capture.Fields;
using Vnd.Capture.Import;
using Vnd.Capture.ParseConfigs;
using Vnd.Capture.ParseConfigs.Validation;
using Vnd.Capture.Sources;
using Vnd.Capture.Synthetic;
using Vnd.Executor.Storage;

namespace Vnd.Bench.Queries;

/// <summary>
/// The benchmark's trace tables, made the way a tenant gets them: bulk TCP traffic (handshakes, data segments,
/// delayed ACKs) captured before and after one hop as two pcaps, imported by <see cref="TraceImporter"/> with the
/// standard field set into the tables <c>pin</c> and <c>pout</c> of tenant <see cref="Tenant"/>. A data directory
/// that already holds both tables for the same row count is reused.
/// </summary>
public static class HopTraces
{
    public const string Tenant = "bench";
    public const string InTable = "pin";
    public const string OutTable = "pout";

    /// <param name="tenant">whose tables pin and pout become (a tenant that can log in, for benchmarks over the wire)</param>
    public static TraceTableStore Prepare(string work, long rows, int snap, string tenant = Tenant)
    {
        var data = Path.Combine(work, tenant == Tenant ? $"data-{rows}" : $"data-{tenant}-{rows}");
        var marker = Path.Combine(data, "complete");
        if (File.Exists(marker))
        {
            Console.WriteLine($"trace tables: reusing {data}");
            return new TraceTableStore(data);
        }
        if (Directory.Exists(data))
            Directory.Delete(data, recursive: true);
        var clock = Stopwatch.StartNew();
        var inPcap = Path.Combine(work, $"hop-in-{rows}.pcap");
        var outPcap = Path.Combine(work, $"hop-out-{rows}.pcap");
        long dropped;
        using (var inWriter = PcapFileWriter.Create(inPcap, snapLength: snap))
        using (var outWriter = PcapFileWriter.Create(outPcap, snapLength: snap))
        {
            var sink = new HopSegmentSink(inWriter, outWriter);
            new BulkTcpTraffic(IngestBenchmark.Traffic(rows)).Generate(ref sink);
            dropped = sink.Dropped;
        }
        Console.WriteLine($"captures: {rows:N0} packets in, {rows - dropped:N0} out ({dropped:N0} dropped) in {clock.Elapsed.TotalSeconds:F1} s");
        var store = new TraceTableStore(data);
        Import(store, inPcap, InTable, tenant);
        Import(store, outPcap, OutTable, tenant);
        File.Delete(inPcap);
        File.Delete(outPcap);
        File.WriteAllText(marker, "");
        Console.WriteLine($"trace tables: {store.RowCount(new TableRef(tenant, InTable)):N0} + {store.RowCount(new TableRef(tenant, OutTable)):N0} rows in {clock.Elapsed.TotalSeconds:F1} s");
        return store;
    }

    private static void Import(TraceTableStore store, string pcap, string table, string tenant)
    {
        var text = IngestBenchmark.StandardFields.Replace("Table ID packets", "Table ID " + table, StringComparison.Ordinal);
        var configuration = ParseConfigurationValidator.Validate(ParseConfigurationParser.Parse(text), new CatalogFieldResolver(FieldCatalog.Default));
        using var importer = new TraceImporter(store, tenant, configuration);
        using (var source = CaptureFile.Open(pcap))
            importer.Import(source, Path.GetFileName(pcap));
        importer.Complete();
    }
}
