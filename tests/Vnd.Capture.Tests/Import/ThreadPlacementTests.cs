using Vnd.Capture.Fields;
using Vnd.Capture.Import;
using Vnd.Capture.ParseConfigs;
using Vnd.Capture.ParseConfigs.Validation;
using Vnd.Capture.Sources;
using Vnd.Executor.Execution;
using Vnd.Executor.Storage;
using Vnd.Tests.Shared;

namespace Vnd.Capture.Tests.Import;

/// <summary>
/// A placed import (<see cref="TraceImportOptions.ThreadPlacement"/>): while it runs, the importing thread may use only
/// the importing CPUs and the read-ahead, disk-write and seal threads only the I/O CPUs (as the kernel reports them in
/// /proc/self/task); afterwards the importing thread has its own placement back, and the rows are those of an
/// unplaced import. Not run in parallel with other tests: the read-ahead threads of concurrent imports share a name.
/// </summary>
[Collection(nameof(ThreadPlacementTests))]
[CollectionDefinition(nameof(ThreadPlacementTests), DisableParallelization = true)]
public sealed class ThreadPlacementTests : IDisposable
{
    // "zq": a schema no other test uses, so the disk threads' names ("vnd-disk zq.pla", 15 characters kept by Linux)
    // are this test's.
    private const string Configuration = """
        Trace ID all
        Table ID placed
        Filter: ip.proto = tcp or ip.proto = udp
        Fields: timestamp as ts, ip.src as src_ip, ip.dst as dst_ip, tcp.src as src_port, udp.src as src_port, tcp.seq as seq
        """;

    private readonly string _data = Path.Combine(Path.GetTempPath(), "vnd-placed-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        foreach (var directory in new[] { _data + "-placed", _data + "-free" })
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_placed_import_keeps_each_thread_on_its_cpus_and_gives_the_same_rows()
    {
        var pcap = SharedData.Pcap("tcp/zeek_http_bro.org.pcap");
        var (placedRows, seen) = OwnThread.Run(() =>
        {
            var allowed = CpuSet.OfCurrentThread()!;
            // Distinct sets wherever there are two CPUs: the importing thread on the last, the I/O threads on the first.
            var placement = new ImportThreadPlacement(CpuSet.Of(allowed.Cpus.Last()), CpuSet.Of(allowed.Cpus.First()));
            var observed = new List<string>();
            var store = new TraceTableStore(_data + "-placed");
            var options = new TraceImportOptions { ThreadPlacement = placement, ProgressInterval = 64 };
            using var importer = new TraceImporter(store, "zq", Bind(Configuration), FieldCatalog.Default, options);
            using (var source = CaptureFile.Open(pcap, Reading(placement.Io)))
            {
                importer.Import(source, "placed", new Observer(() =>
                {
                    Assert.Equal(placement.Importing, CpuSet.OfCurrentThread());
                    foreach (var (name, cpus) in Threads())
                    {
                        if (name.StartsWith("vnd-disk zq", StringComparison.Ordinal) || name.StartsWith("vnd-seal zq", StringComparison.Ordinal))
                            observed.Add($"{name[..8]} {cpus}");
                        else if (name.StartsWith("vnd-capture-rea", StringComparison.Ordinal))
                            observed.Add($"read {cpus}");
                    }
                }));
            }
            Assert.Equal(allowed, CpuSet.OfCurrentThread());
            var summary = importer.Complete();
            return (Rows(store, summary), observed.Distinct().Order().ToList());
        });
        // Every observation (one per progress report) saw all three threads on the I/O CPUs.
        var allowed = CpuSet.OfCurrentThread()!;
        var io = CpuSet.Of(allowed.Cpus.First()).ToString();
        Assert.Equal([$"read {io}", $"vnd-disk {io}", $"vnd-seal {io}"], seen);

        var freeStore = new TraceTableStore(_data + "-free");
        using var free = new TraceImporter(freeStore, "zq", Bind(Configuration));
        using (var source = CaptureFile.Open(pcap))
            free.Import(source, "free");
        var freeRows = Rows(freeStore, free.Complete());
        Assert.True(freeRows.Count > 300);
        Assert.Equal(freeRows, placedRows);
    }

    /// <summary>
    /// Chunks of ~20 KiB, two ahead: the read thread is still reading (waiting for a free chunk) when the progress
    /// reports look at it, rather than done with the half-megabyte file after its first chunk.
    /// </summary>
    private static CaptureReaderOptions Reading(CpuSet cpus) =>
        new() { ReadAheadThreadCpus = cpus, MaxRecordSize = 16 * 1024, BlockOverhead = 4096, ReadAheadChunkSize = 4096, ReadAheadChunks = 2 };

    private static BoundParseConfiguration Bind(string text) =>
        ParseConfigurationValidator.Validate(ParseConfigurationParser.Parse(text), new CatalogFieldResolver(FieldCatalog.Default));

    private static List<string> Rows(TraceTableStore store, ImportSummary summary) =>
        ImportedTable.Read(store, Assert.Single(summary.RowsPerTable).Table)
            .Select(row => string.Join('|', row.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}")))
            .ToList();

    /// <summary>This process's threads: name (as Linux keeps it, 15 characters) and allowed CPUs (a cpu list).</summary>
    private static IEnumerable<(string Name, string Cpus)> Threads()
    {
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            string name, status;
            try
            {
                name = File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n');
                status = File.ReadAllText(Path.Combine(task, "status"));
            }
            catch (IOException)
            {
                continue; // the thread ended meanwhile
            }
            var line = status.Split('\n').Single(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal));
            yield return (name, line["Cpus_allowed_list:".Length..].Trim());
        }
    }

    /// <summary>Reports handled on the importing thread, as they are made (not posted like <see cref="Progress{T}"/>).</summary>
    private sealed class Observer(Action onReport) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => onReport();
    }
}
