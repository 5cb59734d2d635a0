using System.CommandLine;
using Spectre.Console;
using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;
using Vnd.Capture.Import;
using Vnd.Capture.ParseConfigs;
using Vnd.Capture.ParseConfigs.Validation;
using Vnd.Capture.Sources;
using Vnd.Engine.Control.State;
using Vnd.Executor.Execution;
using Vnd.Executor.Storage;

namespace Vnd.Engine.Cli;

/// <summary>
/// <c>vnd import</c>: parses capture files into a tenant's trace tables with a parse configuration (paper Fig. 7).
/// A file that cannot be read is reported and skipped; the others are still imported, and the exit code says so.
/// </summary>
public static class ImportCommand
{
    public static Command Build()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "data directory", Required = true };
        var tenant = new Option<string>("--tenant") { Description = "tenant (schema) that owns the tables", Required = true };
        var parse = new Option<FileInfo>("--parse") { Description = "parse configuration file (paper Fig. 7)", Required = true };
        var trace = new Option<string?>("--trace") { Description = "trace id of the inputs; rules for other traces are skipped" };
        var vxlan = new Option<ushort[]>("--vxlan-port") { Description = "UDP ports decoded as VXLAN (default 4789)", AllowMultipleArgumentsPerToken = true };
        var segmentRows = new Option<long?>("--rows-per-segment") { Description = "rows per immutable segment file (default 1Mi)" };
        var writes = new Option<SegmentFileWrites>("--file-writes")
        {
            Description = "how segments are written: Direct (O_DIRECT, least CPU) or Buffered (page cache with early writeback, fastest device)",
            DefaultValueFactory = _ => TraceTableWriterOptions.Default.FileWrites,
        };
        var threads = new Option<ImportThreads>("--threads")
        {
            Description = "placed: the importing thread on one CPU and its read and disk threads on the others; free: wherever the scheduler puts them",
            DefaultValueFactory = _ => ImportThreads.Free,
        };
        var files = new Argument<FileInfo[]>("capture") { Description = "pcap or pcapng files", Arity = ArgumentArity.OneOrMore };
        var plain = new Option<bool>("--plain-arrow")
        {
            Description = "store every value as itself, for Arrow tools that read segments without VND's metadata (default: timestamps and addresses as offsets from a per-segment base when narrower)",
        };
        var command = new Command("import", "parse capture files into trace tables") { data, tenant, parse, trace, vxlan, segmentRows, writes, threads, plain, files };
        command.SetAction(result => Run(
            result.GetRequiredValue(data), result.GetRequiredValue(tenant), result.GetRequiredValue(parse),
            result.GetValue(trace), result.GetValue(vxlan), result.GetValue(segmentRows), result.GetValue(writes),
            result.GetValue(threads), result.GetValue(plain), result.GetRequiredValue(files)));
        return command;
    }

    private static int Run(DirectoryInfo data, string tenant, FileInfo parseFile, string? trace, ushort[]? vxlanPorts, long? segmentRows, SegmentFileWrites writes,
        ImportThreads threads, bool plainArrow, FileInfo[] files)
    {
        var console = AnsiConsole.Console;
        BoundParseConfiguration configuration;
        try
        {
            var text = File.ReadAllText(parseFile.FullName);
            configuration = ParseConfigurationValidator.Validate(ParseConfigurationParser.Parse(text), new CatalogFieldResolver(FieldCatalog.Default));
        }
        catch (ConfigurationException e)
        {
            foreach (var d in e.Diagnostics)
                console.MarkupLineInterpolated($"[red]{parseFile.Name}:{d.Position.Line}:{d.Position.Column}: {d.Message}[/]");
            return 2;
        }
        catch (IOException e)
        {
            console.MarkupLineInterpolated($"[red]cannot read {parseFile.FullName}: {e.Message}[/]");
            return 2;
        }

        // Opt-in (ImportThreadPlacement says why): the parsing keeps a CPU to itself (null with a single CPU).
        var placement = threads == ImportThreads.Placed ? ImportThreadPlacement.SplitCurrentCpus() : null;
        var options = new TraceImportOptions
        {
            ThreadPlacement = placement,
            TraceId = trace,
            Decoder = vxlanPorts is { Length: > 0 } ? new DecoderOptions(vxlanPorts) : DecoderOptions.Default,
            Storage = TraceTableWriterOptions.Default with { FileWrites = writes, ValueOffsets = !plainArrow },
        };
        if (segmentRows is { } rows)
        {
            options = options with
            {
                Storage = options.Storage with
                {
                    RowsPerSegment = rows,
                    RowsPerBatch = (int)Math.Min(TraceTableWriterOptions.Default.RowsPerBatch, Math.Max(1, rows)),
                },
            };
        }
        // Each file's read-ahead ring is the previous file's (the tables' writers live across files already).
        var buffers = new ImportBufferPool();
        var failures = new List<(string File, string Error)>();
        var store = new TraceTableStore(data.FullName);
        var existed = ControlStateStore.ExistingTables(store, tenant);
        using var importer = new TraceImporter(store, tenant, configuration, FieldCatalog.Default, options);
        ImportProgressView.Run(console, files, (file, progress) =>
        {
            try
            {
                using var source = CaptureFile.Open(file.FullName, new CaptureReaderOptions { ReadAheadThreadCpus = placement?.Io, Buffers = buffers });
                importer.Import(source, file.Name, progress);
            }
            catch (Exception e) when (e is CaptureFormatException or IOException or UnauthorizedAccessException)
            {
                failures.Add((file.Name, e.Message));
            }
        });
        var summary = importer.Complete();
        // The control state of the same data directory keeps the counts (vnd serve's metadata view reads them).
        using (var state = new ControlStateStore(data.FullName))
            state.RecordImport(tenant, summary, existed);
        ImportSummaryView.Write(console, summary, failures);
        return failures.Count == 0 ? 0 : 1;
    }
}

/// <summary>How <c>vnd import</c> places its threads (<see cref="ImportThreadPlacement"/>).</summary>
public enum ImportThreads
{
    /// <summary>The importing thread on one CPU, the read-ahead and disk threads on the others.</summary>
    Placed,

    /// <summary>Wherever the scheduler puts them.</summary>
    Free,
}
