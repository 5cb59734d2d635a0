using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;
using Vnd.Capture.Import;
using Vnd.Capture.Import.Columns;
using Vnd.Capture.ParseConfigs;
using Vnd.Capture.ParseConfigs.Validation;
using Vnd.Capture.Sources;
using Vnd.Capture.Synthetic;
using Vnd.Capture.Tests.Support;
using Vnd.Executor.Storage;
using Vnd.Executor.Storage.Builders;
using Vnd.Planner.Types;
using Vnd.Tests.Shared;

namespace Vnd.Capture.Tests.Import;

/// <summary>
/// Tables whose columns are all read through slots (the standard field set) are filled by the row path: each packet
/// read once, while hot, into staged columns. The stored tables must be identical to what the batch path stores,
/// for every sample capture (tunnels, VLAN stacks, fragments, IP options, truncated and odd link types included),
/// for mutated frames, for every slot field on every layer, with filters and with columns fed by two fields.
/// </summary>
public sealed class RowPathTests : IDisposable
{
    /// <summary>The standard field set (the ingest benchmark's table) behind a <c>tcp</c> filter.</summary>
    private const string StandardTable = """
        Table ID standard
        Filter: tcp
        Fields: timestamp as ts, ip.src as src_ip, ip.dst as dst_ip, ip.proto as proto, tcp.src as src_port,
          tcp.dst as dst_port, ip.id as ip_id, tcp.seq as seq, tcp.ack as ack, tcp.flags as flags,
          tcp.len as payload_length, vnd.packet_id as id
        """;

    private readonly string _data = Path.Combine(Path.GetTempPath(), "vnd-rowpath-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data))
            Directory.Delete(_data, recursive: true);
    }

    public static TheoryData<string> Captures() =>
        SampleCaptures.InFolders("tcp", "tunnels", "icmp_arp", "ipv6", "vlan", "udp_dns", "linktypes", "pcapng",
            "pcapng_suite", "truncated", "edge", "malformed");

    [Theory]
    [MemberData(nameof(Captures))]
    public void Every_capture_gives_the_same_tables_on_every_path(string relative)
    {
        var path = SharedData.Pcap(relative);
        try
        {
            CaptureFile.Open(path).Dispose();
        }
        catch (CaptureFormatException)
        {
            return; // a capture the reader refuses has no rows on either path (covered by the reader's tests)
        }
        AssertSameTables(path);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Mutated_frames_give_the_same_tables_on_every_path(int seed)
    {
        // Fragments, IP options, VLAN tags, cut captures, other protocols: header bytes flipped at random.
        var pcap = WriteMutated("mutated.pcap", TcpFrame(), seed, 0, 58, longerOnTheWire: true);
        // The comparison is only worth something if the common-frame path really ran (the base frame is one).
        var common = AssertSameTables(pcap);
        Assert.True(common > 5_000, $"{common} of 20000 frames were staged from their bytes");
    }

    public static TheoryData<string> TcpOptionAreas() => new()
    {
        "01 01 08 0a 00 00 01 00 00 00 02 00", // NOP NOP timestamps (Linux)
        "02 04 05 b4 04 02 08 0a 00 00 01 00 00 00 00 00 01 03 03 07", // SYN: MSS, SACK permitted, timestamps, NOP, window scale
        "01 01 05 0a 00 00 10 00 00 00 20 00", // one SACK block
        "01 01 08 0a 00 00 01 00 00 00 02 00 01 01 05 1a 00 00 10 00 00 00 20 00 00 00 30 00 00 00 40 00 00 00 50 00 00 00 60 00", // timestamps and three SACK blocks (a 60-byte header)
        "00 01 08 0a 00 00 01 00 00 00 02 00", // end of list first: nothing decoded after it
        "01 01 08 01 00 00 01 00 00 00 02 00", // length below 2: malformed
        "02 03 05 01", // MSS of the wrong length: malformed
        "01 01 08 0a 00 00 01 00 00 00 02 00 08 20", // an option running past the end of the header
        "fe 06 00 00 00 00 01 01", // an unknown option, skipped
        "01 01 01 01", // only NOPs
    };

    [Theory]
    [MemberData(nameof(TcpOptionAreas))]
    public void Frames_with_tcp_options_give_the_same_tables_on_every_path(string options)
    {
        var area = Convert.FromHexString(options.Replace(" ", "", StringComparison.Ordinal));
        var pcap = Path.Combine(_data, "options.pcap");
        Directory.CreateDirectory(_data);
        var frame = TcpFrame(area);
        Assert.Equal(CommonFrameKind.TcpWithOptions, CommonFrameDecoder.Classify(frame, frame.Length, DecoderOptions.Default));
        using (var writer = PcapFileWriter.Create(pcap, snapLength: 256))
        {
            // Whole, cut inside the payload, cut inside the options (then not a common frame), and among plain segments.
            writer.Write(1_000, frame, frame.Length);
            writer.Write(2_000, frame.AsSpan(0, frame.Length - 30), frame.Length);
            writer.Write(3_000, frame.AsSpan(0, 56), frame.Length);
            writer.Write(4_000, TcpFrame(), TcpFrame().Length);
            writer.Write(5_000, frame, frame.Length);
        }
        // Every path and table (every_slot decodes these frames for its option fields), and the standard table
        // alone, whose frames with options are then never decoded: its error counts come from the option check.
        Assert.Equal(4, AssertSameTables(pcap));
        Assert.Equal(4, AssertSameTables(pcap, "Trace ID all\n" + StandardTable));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Mutated_frames_with_tcp_options_give_the_same_tables_on_every_path(int seed)
    {
        // Option bytes, data offsets and lengths flipped at random, for the standard table alone (no decoding).
        var frame = TcpFrame(Timestamps.Concat(new byte[] { 1, 1, 5, 10, 0, 0, 0, 1, 0, 0, 0, 2 }).ToArray());
        var pcap = WriteMutated("mutated-options.pcap", frame, seed, 16, 78, longerOnTheWire: false);
        var common = AssertSameTables(pcap, "Trace ID all\n" + StandardTable);
        Assert.True(common > 5_000, $"{common} of 20000 frames were staged from their bytes");
    }

    /// <summary>
    /// One table with the common-frame path and no filter, reading TCP and UDP fields: the importer's loop for a single
    /// such table (TraceImporter.ImportCommonRun), fed common TCP and UDP frames, frames with options and everything else.
    /// </summary>
    private const string PortsTable = """
        Trace ID all
        Table ID ports
        Fields: timestamp as ts, ip.src as src_ip, ip.proto as proto, tcp.src as tcp_src, udp.dst as udp_dst,
          ip.id as ip_id, tcp.seq as seq, tcp.len as payload_length
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Mutated_frames_give_the_same_table_on_every_path_when_it_is_the_only_one(int seed)
    {
        var pcap = WriteMutated("mutated-one.pcap", TcpFrame(), seed, 0, 58, longerOnTheWire: true);
        var common = AssertSameTables(pcap, PortsTable);
        Assert.True(common > 5_000, $"{common} of 20000 frames were staged from their bytes");
        var options = WriteMutated("mutated-one-options.pcap", TcpFrame(Timestamps), seed, 0, 70, longerOnTheWire: true);
        common = AssertSameTables(options, PortsTable);
        Assert.True(common > 5_000, $"{common} of 20000 frames were staged from their bytes");
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(1)]
    [InlineData(0)]
    public void Progress_reports_are_the_same_on_every_path(int interval)
    {
        var pcap = WriteMutated("progress.pcap", TcpFrame(), 3, 0, 58, longerOnTheWire: true);
        var reports = new List<List<ImportProgress>>();
        foreach (var (rowPath, commonFrames) in new[] { (false, false), (true, false), (true, true) })
        {
            var progress = new Reports();
            var store = new TraceTableStore(Path.Combine(_data, $"progress-{rowPath}-{commonFrames}"));
            using var importer = new TraceImporter(store, "t", Bind(PortsTable),
                options: new TraceImportOptions { RowPath = rowPath, CommonFramePath = commonFrames, ProgressInterval = interval });
            using (var source = CaptureFile.Open(pcap))
                importer.Import(source, "progress.pcap", progress);
            Assert.Equal(20_000, importer.Complete().Packets);
            reports.Add(progress.Seen);
        }
        // A report after every interval packets (none when it is 0), and one at the end with the file's size.
        var expected = interval > 0 ? 20_000 / interval + 1 : 1;
        Assert.Equal(expected, reports[0].Count);
        Assert.Equal(Enumerable.Range(1, expected - 1).Select(i => (long)i * interval).Append(20_000), reports[0].Select(r => r.Packets));
        Assert.Equal(new FileInfo(pcap).Length, reports[0][^1].InputBytes);
        Assert.Equal(reports[0], reports[1]);
        Assert.Equal(reports[0], reports[2]);
    }

    [Fact]
    public void A_cancelled_import_keeps_the_rows_of_the_packets_reported_on_every_path()
    {
        var pcap = WriteMutated("cancel.pcap", TcpFrame(), 4, 0, 58, longerOnTheWire: true);
        var tables = new List<List<Dictionary<string, string>>>();
        var errors = new List<long[]>();
        foreach (var (rowPath, commonFrames) in new[] { (false, false), (true, false), (true, true) })
        {
            using var cancel = new CancellationTokenSource();
            // Cancelled at the third report: the import stops at the next check, right after it.
            var progress = new Reports(report => { if (report.Packets == 3_000) cancel.Cancel(); });
            var store = new TraceTableStore(Path.Combine(_data, $"cancel-{rowPath}-{commonFrames}"));
            using var importer = new TraceImporter(store, "t", Bind(PortsTable),
                options: new TraceImportOptions { RowPath = rowPath, CommonFramePath = commonFrames, ProgressInterval = 1_000 });
            using (var source = CaptureFile.Open(pcap))
                Assert.ThrowsAny<OperationCanceledException>(() => importer.Import(source, "cancel.pcap", progress, cancel.Token));
            Assert.Equal(new long[] { 1_000, 2_000, 3_000 }, progress.Seen.Select(r => r.Packets));
            errors.Add(importer.Complete().DecodeErrors.ToArray());
            tables.Add(ImportedTable.Read(store, new TableRef("t", "ports")));
        }
        // The first 4000 packets (the check comes at the report after the cancelled one) became rows, the same on every path.
        Assert.InRange(tables[0].Count, 1, 4_000);
        Assert.True(errors[0].Sum() > 0);
        for (var path = 1; path < tables.Count; path++)
        {
            Assert.Equal(errors[0], errors[path]);
            Assert.Equal(tables[0].Count, tables[path].Count);
            for (var r = 0; r < tables[0].Count; r++)
            {
                foreach (var (column, value) in tables[0][r])
                    Assert.True(value == tables[path][r][column], $"path {path} row {r} {column}: batch path '{value}', this path '{tables[path][r][column]}'");
            }
        }
    }

    public static TheoryData<string, string> ReaderWindows()
    {
        var data = new TheoryData<string, string>();
        foreach (var end in new[] { "torn", "abandoned" })
        {
            foreach (var input in new[] { "streamed", "read ahead", "mapped" })
                data.Add(end, input);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ReaderWindows))]
    public void The_single_table_loop_reads_what_the_general_loop_reads_through_small_windows(string end, string input)
    {
        // The single-table loop (ImportCommonRun) and the general loop (CommonFramePath off) give the same rows, errors,
        // reader diagnostics, ends and progress reports, with reader windows of a few records (records straddle
        // refills), repaired records in the middle, and a torn last record or a record too long to frame: what a loop
        // that keeps the reader's position to itself between refills must also keep (docs/benchmarks.md, reader).
        var bytes = File.ReadAllBytes(WriteMutated("run.pcap", TcpFrame(), 5, 0, 58, longerOnTheWire: true));
        var offset = 24;
        for (var i = 0; offset + 16 <= bytes.Length; i++)
        {
            var header = bytes.AsSpan(offset, 16);
            var captured = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
            if (i % 997 == 5)
                BinaryPrimitives.WriteUInt32LittleEndian(header[4..], 2_000_000); // a fraction out of range
            if (i % 1009 == 7 && captured > 0)
                BinaryPrimitives.WriteInt32LittleEndian(header[12..], captured - 1); // captured above the original length
            if (i == 12_345 && end == "abandoned")
                BinaryPrimitives.WriteInt32LittleEndian(header[8..], 1_000); // above the maximum record size
            offset += 16 + captured;
        }
        var pcap = Path.Combine(_data, "run-" + end + ".pcap");
        File.WriteAllBytes(pcap, end == "torn" ? bytes[..^30] : bytes);
        var reader = input switch
        {
            "streamed" => new CaptureReaderOptions { MaxRecordSize = 256, BlockOverhead = 0, BufferSize = 0, ReadAheadChunks = 0 },
            "read ahead" => new CaptureReaderOptions { MaxRecordSize = 256, BlockOverhead = 0, ReadAheadChunkSize = 300, ReadAheadChunks = 2 },
            _ => new CaptureReaderOptions { MaxRecordSize = 256, BlockOverhead = 0, MemoryMap = true, MapWindowSize = 0 },
        };
        var results = new List<(ImportSummary Summary, List<ImportProgress> Reports, List<Dictionary<string, string>> Rows, long Common)>();
        foreach (var commonFrames in new[] { false, true })
        {
            var progress = new Reports();
            var store = new TraceTableStore(Path.Combine(_data, $"run-{commonFrames}"));
            using var importer = new TraceImporter(store, "t", Bind(PortsTable),
                options: new TraceImportOptions { CommonFramePath = commonFrames, ProgressInterval = 7 });
            using (var source = CaptureFile.Open(pcap, reader))
                importer.Import(source, "run.pcap", progress);
            results.Add((importer.Complete(), progress.Seen, ImportedTable.Read(store, new TableRef("t", "ports")), importer.CommonFrames));
        }
        var (expected, actual) = (results[0], results[1]);
        Assert.True(actual.Common > 5_000, $"{actual.Common} frames were staged from their bytes");
        Assert.Equal(expected.Summary.Packets, actual.Summary.Packets);
        Assert.Equal(expected.Summary.Bytes, actual.Summary.Bytes);
        Assert.Equal(expected.Summary.DecodeErrors, actual.Summary.DecodeErrors);
        Assert.Equal(expected.Summary.ReaderErrors, actual.Summary.ReaderErrors);
        Assert.Equal(expected.Summary.Sources, actual.Summary.Sources);
        Assert.Equal(expected.Reports, actual.Reports);
        // What was planted was found: repairs of both kinds, and the end.
        Assert.True(actual.Summary.ReaderErrors[(int)ReaderErrorKind.InvalidTimestampFraction] > 10);
        Assert.True(actual.Summary.ReaderErrors[(int)ReaderErrorKind.CaplenExceedsOriginal] > 10);
        if (end == "torn")
            Assert.NotNull(actual.Summary.Sources[0].TruncatedAtOffset);
        else
            Assert.Equal(12_345, actual.Summary.Packets);
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        for (var r = 0; r < expected.Rows.Count; r++)
        {
            foreach (var (column, value) in expected.Rows[r])
                Assert.True(value == actual.Rows[r][column], $"row {r} {column}: general loop '{value}', single-table loop '{actual.Rows[r][column]}'");
        }
    }

    /// <summary>The reports of an import, kept as they come (Progress&lt;T&gt; would post them elsewhere, later).</summary>
    private sealed class Reports(Action<ImportProgress>? also = null) : IProgress<ImportProgress>
    {
        public List<ImportProgress> Seen { get; } = [];

        public void Report(ImportProgress value)
        {
            Seen.Add(value);
            also?.Invoke(value);
        }
    }

    [Fact]
    public void A_filter_on_tcp_options_keeps_their_frames_decoded()
    {
        var store = new TraceTableStore(Path.Combine(_data, "options-filter"));
        using var importer = new TraceImporter(store, "t", Bind("""
            Trace ID all
            Table ID mss
            Filter: tcp.options.mss_val
            Fields: ip.src as src_ip, tcp.seq as seq
            Table ID plain
            Filter: tcp and not udp
            Fields: ip.src as src_ip, tcp.seq as seq, tcp.hdr_len as hdr_len, tcp.len as len
            """));
        using (var source = CaptureFile.Open(SampleCaptures.In("tcp").First()))
            importer.Import(source, "tcp");
        Assert.True(importer.Tables[0].HasCommonPath);
        Assert.False(importer.Tables[0].StagesTcpOptions);
        Assert.True(importer.Tables[1].StagesTcpOptions);
    }

    [Fact]
    public void The_standard_field_set_takes_the_row_path_and_text_columns_do_not()
    {
        var store = new TraceTableStore(Path.Combine(_data, "plans"));
        using var importer = new TraceImporter(store, "t", Bind($"""
            Trace ID all
            {StandardTable}
            Table ID names
            Fields: dns.qry.name as name, ip.src as src_ip
            """));
        using (var source = CaptureFile.Open(SampleCaptures.In("tcp").First()))
            importer.Import(source, "tcp");
        Assert.True(importer.Tables[0].HasRowPath);
        Assert.False(importer.Tables[1].HasRowPath);
    }

    [Fact]
    public void Staging_and_appending_rows_allocates_nothing()
    {
        var table = Bind("Trace ID all\n" + StandardTable).Tables[0];
        var builders = new ColumnBuilder[table.Columns.Count];
        var fillers = new ColumnFiller[builders.Length];
        for (var c = 0; c < builders.Length; c++)
        {
            var column = table.Columns[c];
            var type = column.Type.Id is TypeId.Timestamp or TypeId.TimestampTz ? SqlType.TimestampTzOf(TimeUnit.Microsecond) : column.Type;
            builders[c] = ColumnBuilderFactory.Create(type, 4096);
            var fields = column.Fields.Select(name => FieldCatalog.Default.TryResolve(name, out var field) ? field : throw new InvalidOperationException(name)).ToArray();
            fillers[c] = ColumnFillerFactory.Create(fields, builders[c]);
        }
        var stage = RowStage.TryCreate(fillers) ?? throw new InvalidOperationException("the standard field set has no row path");
        var samples = new[] { DecodedPacket.Create(), DecodedPacket.Create(), DecodedPacket.Create() };
        for (var kind = 0; kind < samples.Length; kind++)
            Assert.True(CommonFrameSample.TryDecode((CommonFrameKind)kind, DecoderOptions.Default, ref samples[kind]));
        Assert.True(stage.TryEnableCommonPath(fillers, samples));
        Assert.True(stage.StagesCommon(CommonFrameKind.TcpWithOptions));
        var withOptions = TcpFrame(Timestamps);
        Assert.Equal(CommonFrameKind.TcpWithOptions, CommonFrameDecoder.Classify(withOptions, withOptions.Length, DecoderOptions.Default));
        var frame = TcpFrame();
        var packet = DecodedPacket.Create();
        PacketDecoder.Default.Decode(frame, 1, frame.Length, ref packet);
        Assert.Equal(CommonFrameKind.Tcp, CommonFrameDecoder.Classify(frame, frame.Length, DecoderOptions.Default));
        for (var warm = 0; warm < 2; warm++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100_000; i++)
            {
                // Decoded rows and rows staged from the frame bytes, interleaved as the importer does.
                if (i % 3 == 0)
                    stage.Add(in packet);
                else if (i % 3 == 1)
                    stage.AddCommon(CommonFrameKind.Tcp, frame, 1_000, frame.Length, -1);
                else
                    stage.AddCommon(CommonFrameKind.TcpWithOptions, withOptions, 1_000, withOptions.Length, -1);
                if (!stage.IsFull)
                    continue;
                if (builders[0].Count + stage.Count > builders[0].Capacity)
                {
                    foreach (var builder in builders)
                        builder.Reset();
                }
                stage.AppendRun(0, stage.Count);
                stage.Clear();
            }
            if (warm == 1)
                Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.Equal(packet.Outer.TcpSeq, (uint)((Int64ColumnBuilder)builders[7]).Values[0]);
        Assert.Equal(packet.Outer.TcpSeq, (uint)((Int64ColumnBuilder)builders[7]).Values[1]);
    }

    /// <summary>
    /// 20,000 copies of <paramref name="frame"/> with up to three bytes in [<paramref name="from"/>, <paramref name="to"/>)
    /// replaced by <see cref="Interesting"/> ones, a quarter of them cut short (and, when asked, a third longer on
    /// the wire than captured), written to a pcap in the test's folder.
    /// </summary>
    private string WriteMutated(string name, byte[] frame, int seed, int from, int to, bool longerOnTheWire)
    {
        var random = new Random(seed);
        var pcap = Path.Combine(_data, name);
        Directory.CreateDirectory(_data);
        using var writer = PcapFileWriter.Create(pcap, snapLength: 256);
        var buffer = new byte[frame.Length];
        for (var i = 0; i < 20_000; i++)
        {
            frame.CopyTo(buffer, 0);
            for (var m = random.Next(0, 4); m > 0; m--)
                buffer[random.Next(from, to)] = Interesting(random);
            var captured = random.Next(4) == 0 ? random.Next(0, frame.Length + 1) : frame.Length;
            var original = longerOnTheWire && random.Next(3) == 0 ? captured + random.Next(0, 100) : frame.Length;
            writer.Write(i * 1_000L, buffer.AsSpan(0, captured), original);
        }
        return pcap;
    }

    /// <summary>
    /// Imports <paramref name="path"/> three ways — the batch path, the row path decoding every frame, and the row
    /// path staging common frames from their bytes — and compares every stored value; returns the frames the last
    /// one staged without decoding (tables with the common-frame path: every_slot and standard, not figure7).
    /// </summary>
    private long AssertSameTables(string path, string? configuration = null)
    {
        var config = Bind(configuration ?? Configuration());
        // Small segment batches, so that staged runs are split across record batches too.
        var storage = TraceTableWriterOptions.Default with { RowsPerBatch = 100 };
        var batchStore = Import("batch", config, new TraceImportOptions { Storage = storage, RowPath = false }, path, out _, out var batchErrors);
        var decodedStore = Import("decoded", config, new TraceImportOptions { Storage = storage, CommonFramePath = false }, path, out _, out var decodedErrors);
        var commonStore = Import("common", config, new TraceImportOptions { Storage = storage }, path, out var commonFrames, out var commonErrors);
        // The decode error counts are part of the result: the same on every path.
        Assert.Equal(batchErrors, decodedErrors);
        Assert.Equal(batchErrors, commonErrors);
        foreach (var table in config.Tables)
        {
            var expected = ImportedTable.Read(batchStore, new TableRef("t", table.TableId));
            foreach (var (name, store) in new[] { ("row path", decodedStore), ("common-frame path", commonStore) })
            {
                var actual = ImportedTable.Read(store, new TableRef("t", table.TableId));
                Assert.Equal(expected.Count, actual.Count);
                for (var r = 0; r < expected.Count; r++)
                {
                    foreach (var (column, value) in expected[r])
                        Assert.True(value == actual[r][column], $"{path} table {table.TableId} row {r} {column}: batch path '{value}', {name} '{actual[r][column]}'");
                }
            }
        }
        foreach (var folder in new[] { "batch", "decoded", "common" })
            Directory.Delete(Path.Combine(_data, folder), recursive: true);
        return commonFrames;
    }

    private TraceTableStore Import(string folder, BoundParseConfiguration config, TraceImportOptions options, string path, out long commonFrames, out long[] errors)
    {
        var store = new TraceTableStore(Path.Combine(_data, folder));
        using var importer = new TraceImporter(store, "t", config, options: options);
        using (var source = CaptureFile.Open(path))
            importer.Import(source, Path.GetFileName(path));
        var summary = importer.Complete();
        foreach (var table in importer.Tables)
        {
            Assert.Equal(options.RowPath, table.HasRowPath && options.RowPath);
            // The filter of figure7 compares a value, which a frame kind does not decide; every_slot reads option fields.
            Assert.Equal(table.Table.Table != "figure7", table.HasCommonPath);
            Assert.Equal(table.Table.Table is "standard" or "ports", table.StagesTcpOptions);
        }
        commonFrames = importer.CommonFrames;
        Assert.True(options.CommonFramePath && options.RowPath || commonFrames == 0);
        errors = summary.DecodeErrors.ToArray();
        return store;
    }

    /// <summary>
    /// Every field with a slot on every layer in one table, the paper's Figure 7(b) columns (ports from TCP or UDP)
    /// behind a filter in another, and the standard TCP set behind <c>tcp</c>.
    /// </summary>
    private static string Configuration()
    {
        var catalog = FieldCatalog.Default;
        var text = new StringBuilder("Trace ID all\nTable ID every_slot\nFields: ");
        var n = 0;
        foreach (var field in catalog.Fields)
        {
            if (field.Layer != LayerRole.Outer)
                continue;
            foreach (var prefix in new[] { "", FieldCatalog.InnerPrefix, FieldCatalog.QuotedPrefix })
            {
                if (!catalog.TryResolve(prefix + field.Name, out var resolved) || !HasSlot(resolved))
                    continue;
                text.Append(n == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"{resolved.Name} as c{n}");
                n++;
            }
        }
        text.Append("""

            Table ID figure7
            Filter: ip.proto = tcp or ip.proto = udp
            Fields: timestamp as ts, ip.src as src_ip, ip.dst as dst_ip, ip.proto as proto, tcp.src as src_port,
              tcp.dst as dst_port, udp.src as src_port, udp.dst as dst_port

            """).Append(StandardTable);
        return text.ToString();
    }

    private static bool HasSlot(FieldDescriptor field) => field.Kind switch
    {
        FieldKind.Integer or FieldKind.Timestamp => FieldSlots.Integer(field.Id).Exists,
        FieldKind.Address => FieldSlots.Ipv4(field.Id).Exists,
        _ => false,
    };

    private static BoundParseConfiguration Bind(string text) =>
        ParseConfigurationValidator.Validate(ParseConfigurationParser.Parse(text), new CatalogFieldResolver(FieldCatalog.Default));

    private static byte[] TcpFrame() => TcpFrame([]);

    /// <summary>NOP, NOP, timestamps: the options of nearly every segment of a Linux capture.</summary>
    private static readonly byte[] Timestamps = [1, 1, 8, 10, 0, 0, 1, 0, 0, 0, 2, 0];

    /// <summary>A TCP frame with <paramref name="options"/> (padded with zeros, end of list, to a multiple of 4) and 40 payload bytes.</summary>
    private static byte[] TcpFrame(ReadOnlySpan<byte> options)
    {
        var segment = new TcpSegment
        {
            SourceMac = 0x0200_0000_0001, DestinationMac = 0x0200_0000_0002, SourceIp = 0x0A00_0001, DestinationIp = 0x0A00_0002,
            SourcePort = 40_000, DestinationPort = 443, Sequence = 1_000, Acknowledgment = 2_000, Flags = TcpFlags.Psh | TcpFlags.Ack, Window = 512,
            IpId = 7, Ttl = 64, PayloadLength = 40,
        };
        var frame = new byte[192];
        var headers = FrameBuilder.WriteTcp(frame, in segment);
        var padded = (options.Length + 3) / 4 * 4;
        // The options go between the header and the payload; the data offset and the IP length grow with them.
        frame.AsSpan(headers, 40).CopyTo(frame.AsSpan(headers + padded));
        frame.AsSpan(headers, padded).Clear();
        options.CopyTo(frame.AsSpan(headers));
        frame[46] = (byte)((20 + padded) / 4 << 4 | (frame[46] & 0x0F));
        headers += padded;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(16), (ushort)(headers - 14 + 40));
        return frame[..(headers + 40)];
    }

    private static byte Interesting(Random random) => random.Next(12) switch
    {
        0 => 0x00,
        1 => 0x81, // 0x8100 VLAN
        2 => 0x46, // IHL 6: options
        3 => 0x20, // more fragments
        4 => 0x11, // UDP
        5 => 0x01, // ICMP
        6 => 0x86, // 0x86dd IPv6
        7 => 0x80, // data offset 8
        8 => 0x35, // 53
        _ => (byte)random.Next(256),
    };
}
