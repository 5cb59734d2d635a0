using System.Diagnostics;
using Apache.Arrow;
using Vnd.Capture.Synthetic;
using Vnd.Engine.Cli;
using Vnd.Executor.Storage;

namespace Vnd.Engine.Tests.Cli;

/// <summary>
/// Crash safety of ingestion: the real <c>vnd import</c> process is killed with SIGKILL at random points; whatever
/// it leaves behind, the store shows only complete segments whose rows are a prefix of the capture.
/// </summary>
public sealed class ImportCrashTests : IDisposable
{
    private const string Parse = """
        Trace ID all
        Table ID packets
        Fields: timestamp as ts, tcp.seq as seq, tcp.ack as ack, tcp.len as payload_length
        """;

    private readonly string _work = Path.Combine(Path.GetTempPath(), "vnd-crash-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_work))
            Directory.Delete(_work, recursive: true);
    }

    [Theory]
    // Both thread modes of vnd import, each with one write mode and one storage form (not all eight: each case is
    // eleven imports); --plain-arrow stores timestamps as themselves, the default as offsets from a base.
    [InlineData(SegmentFileWrites.Direct, ImportThreads.Free, false)]
    [InlineData(SegmentFileWrites.Buffered, ImportThreads.Placed, true)]
    public void A_killed_import_never_leaves_a_visible_partial_segment(SegmentFileWrites writes, ImportThreads threads, bool plainArrow)
    {
        Directory.CreateDirectory(_work);
        // Long enough that the import itself, not the process start, spans the kills: at 400k packets, once the importer
        // reached 6-7M packets/s, none of ten kills landed between the first segment and the end (CI run, 2026-11-26).
        var options = new BulkTcpTrafficOptions { Packets = 2_000_000, ConcurrentConnections = 16, SegmentsPerConnection = 500 };
        var pcap = Path.Combine(_work, "bulk.pcap");
        var expectedSeq = new List<long>();
        using (var writer = PcapFileWriter.Create(pcap, snapLength: 64))
        {
            var sink = new RecordingSink(new PcapSegmentSink(writer), expectedSeq);
            new BulkTcpTraffic(options).Generate(ref sink);
        }
        var parse = Path.Combine(_work, "parse.cfg");
        File.WriteAllText(parse, Parse);

        // A complete run first: it is checked like the others and tells how long an import takes on this machine,
        // so the kills below land inside imports whatever the machine's speed or load.
        var complete = Path.Combine(_work, "complete");
        var clock = Stopwatch.StartNew();
        using (var import = StartImport(complete, parse, pcap, writes, threads, plainArrow))
        {
            Assert.True(import.WaitForExit(300_000));
            Assert.Equal(0, import.ExitCode);
        }
        var duration = clock.Elapsed.TotalMilliseconds;
        Assert.Equal(expectedSeq.Count, CheckStore(complete, expectedSeq));
        var stored = StoredTimestamp(complete);
        Assert.Equal((plainArrow, !plainArrow), (stored.Type == Apache.Arrow.Types.ArrowTypeId.Timestamp, stored.Offsets));

        var random = new Random(20261125);
        var killedWithRows = 0;
        for (var iteration = 0; iteration < 10; iteration++)
        {
            var data = Path.Combine(_work, $"data{iteration}");
            using (var import = StartImport(data, parse, pcap, writes, threads, plainArrow))
            {
                // Most of a short import is the process starting: wait for its first visible segment (or a random
                // share of the run when none shows), then kill somewhere in the rest of the run.
                var started = Stopwatch.StartNew();
                var segments = Path.Combine(data, "tables", "t", "packets");
                while (!import.HasExited && started.Elapsed.TotalMilliseconds < duration * 0.9
                    && !(Directory.Exists(segments) && Directory.EnumerateFiles(segments, "seg-*.arrow").Any()))
                    Thread.Sleep(2);
                var rest = Math.Max(0, duration - started.Elapsed.TotalMilliseconds);
                Thread.Sleep((int)(rest * 0.6 * random.NextDouble()));
                if (!import.HasExited)
                    import.Kill();
                import.WaitForExit();
            }
            var rows = CheckStore(data, expectedSeq);
            if (rows > 0 && rows < expectedSeq.Count)
                killedWithRows++;
        }
        // Kills that landed after some segments and before the end prove the test looked at partial imports.
        Assert.True(killedWithRows > 0, "no kill landed in the middle of an import; lengthen the capture");
    }

    /// <summary>Every visible segment reads back whole, with the manifest's row count; rows are the capture's prefix.</summary>
    private static long CheckStore(string data, List<long> expectedSeq)
    {
        if (!Directory.Exists(data))
            return 0;
        var store = new TraceTableStore(data);
        var table = new TableRef("t", "packets");
        if (!store.TableExists(table))
            return 0;
        var trace = store.OpenTable(table);
        var reader = store.OpenReader(table);
        long row = 0;
        foreach (var segment in trace.Segments)
        {
            long segmentRows = 0;
            using var segmentReader = reader.OpenSegment(segment);
            while (segmentReader.ReadNext() is { } batch)
            {
                var seq = batch.Column("seq");
                for (var i = 0; i < batch.Length; i++, row++)
                    Assert.Equal(expectedSeq[(int)row], StoredIntegerType.Value(seq, i));
                segmentRows += batch.Length;
            }
            Assert.Equal(segment.Rows, segmentRows);
        }
        Assert.Equal(trace.RowCount, row);
        foreach (var file in Directory.EnumerateFiles(trace.Directory, "*.arrow"))
            Assert.Contains(trace.Segments, s => Path.GetFileName(file) == s.File);
        return row;
    }

    /// <summary>The stored type of the first segment's ts column and whether it has a base.</summary>
    private static (Apache.Arrow.Types.ArrowTypeId Type, bool Offsets) StoredTimestamp(string data)
    {
        var store = new TraceTableStore(data);
        var table = new TableRef("t", "packets");
        using var segment = store.OpenReader(table).OpenSegment(store.OpenTable(table).Segments[0]);
        using var batch = segment.ReadNext()!;
        var field = batch.Schema.GetFieldByName("ts");
        return (field.DataType.TypeId, StoredIntegerType.Base(field) != 0);
    }

    private static Process StartImport(string data, string parse, string pcap, SegmentFileWrites writes, ImportThreads threads, bool plainArrow)
    {
        var vnd = typeof(VndCommandLine).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { vnd, "import", "--data", data, "--tenant", "t", "--parse", parse, "--rows-per-segment", "20000", "--file-writes", writes.ToString(), "--threads", threads.ToString(), pcap })
            psi.ArgumentList.Add(argument);
        if (plainArrow)
            psi.ArgumentList.Add("--plain-arrow");
        var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start vnd");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private struct RecordingSink(PcapSegmentSink inner, List<long> sequences) : ISegmentSink
    {
        public readonly void OnSegment(long timestampNanos, in TcpSegment segment)
        {
            inner.OnSegment(timestampNanos, in segment);
            sequences.Add(segment.Sequence);
        }
    }
}
