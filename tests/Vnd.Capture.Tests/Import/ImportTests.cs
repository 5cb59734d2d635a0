using Vnd.Capture.Decoding;
using Vnd.Capture.Import;
using Vnd.Capture.ParseConfigs;
using Vnd.Capture.ParseConfigs.Validation;
using Vnd.Capture.Sources;
using Vnd.Capture.Tests.ParseConfigs;
using Vnd.Capture.Tests.Support;
using Vnd.Executor.Storage;
using Vnd.Capture.Fields;
using Vnd.Tests.Shared;

namespace Vnd.Capture.Tests.Import;

public sealed class ImportTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "vnd-import-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_data))
            Directory.Delete(_data, recursive: true);
    }

    public static TheoryData<string> TcpCaptures()
    {
        var data = new TheoryData<string>();
        foreach (var file in SampleCaptures.In("tcp"))
            data.Add(Path.GetFileName(file));
        return data;
    }

    private static BoundParseConfiguration Bind(string text)
        => ParseConfigurationValidator.Validate(ParseConfigurationParser.Parse(text), new CatalogFieldResolver(FieldCatalog.Default));

    private ImportSummary Import(string text, params string[] pcaps)
    {
        var store = new TraceTableStore(_data);
        using var importer = new TraceImporter(store, "tenant1", Bind(text));
        foreach (var pcap in pcaps)
        {
            using var source = CaptureFile.Open(pcap);
            importer.Import(source, Path.GetFileName(pcap));
        }
        return importer.Complete();
    }

    [Theory]
    [MemberData(nameof(TcpCaptures))]
    public void Figure_7b_imports_the_five_tuple_of_every_tcp_and_udp_packet(string file)
    {
        var summary = Import(PaperFigure7.Example, SharedData.Pcap(Path.Combine("tcp", file)));
        var truth = CsvTable.Load(SharedData.Truth(file));
        var expected = truth.Rows.Where(r => truth.Get(r, "ip.proto") is "6" or "17").ToList();

        var (table, rows) = Assert.Single(summary.RowsPerTable);
        Assert.Equal(expected.Count, rows);
        var actual = ImportedTable.Read(new TraceTableStore(_data), table);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var t = expected[i];
            var a = actual[i];
            var context = $"{file} row {i} (frame {truth.Get(t, "frame.number")})";
            Assert.True(truth.Get(t, "frame.time_epoch") == a["ts"], context + " ts");
            Assert.True(truth.Get(t, "ip.src") == a["src_ip"], context + " src_ip");
            Assert.True(truth.Get(t, "ip.dst") == a["dst_ip"], context + " dst_ip");
            Assert.True(truth.Get(t, "ip.proto") == a["proto"], context + " proto");
            var tcp = truth.Get(t, "ip.proto") == "6";
            Assert.True(truth.Get(t, tcp ? "tcp.srcport" : "udp.srcport") == a["src_port"], context + " src_port");
            Assert.True(truth.Get(t, tcp ? "tcp.dstport" : "udp.dstport") == a["dst_port"], context + " dst_port");
        }
    }

    [Fact]
    public void Several_rules_make_several_tables_from_one_trace()
    {
        const string config = """
            Trace ID all
            Table ID syns
            Filter tcp.flags.syn = true and not tcp.flags.ack = true
            Fields timestamp as ts, ip.src as client, tcp.srcport as port, tcp.seq as isn
            Table ID http_in
            Filter tcp.dst in {80, 8000-8080} and tcp.len > 0
            Fields timestamp as ts, ip.src, tcp.seq as seq, tcp.len as payload_length, vnd.packet_id as id
            Table ID acks
            Filter tcp.src = 80
            Fields timestamp as ts, tcp.ack as ack
            """;
        const string file = "zeek_http_bro.org.pcap";
        var truth = CsvTable.Load(SharedData.Truth(file));
        var summary = Import(config, SharedData.Pcap(Path.Combine("tcp", file)));
        var store = new TraceTableStore(_data);
        Assert.Equal(["syns", "http_in", "acks"], summary.RowsPerTable.Select(t => t.Table.Table));

        var tcp = truth.Rows.Where(r => truth.Get(r, "tcp.flags") != "").ToList();
        int Flags(string[] r) => Convert.ToInt32(truth.Get(r, "tcp.flags"), 16);
        var syns = tcp.Where(r => (Flags(r) & 0x12) == 0x02).ToList();
        var httpIn = tcp.Where(r => int.Parse(truth.Get(r, "tcp.dstport")) is 80 or (>= 8000 and <= 8080) && int.Parse(truth.Get(r, "tcp.len")) > 0).ToList();
        var acks = tcp.Where(r => truth.Get(r, "tcp.srcport") == "80").ToList();

        var synRows = ImportedTable.Read(store, new TableRef("tenant1", "syns"));
        Assert.Equal(syns.Select(r => (truth.Get(r, "frame.time_epoch"), truth.Get(r, "ip.src"), truth.Get(r, "tcp.srcport"), truth.Get(r, "tcp.seq_raw"))),
            synRows.Select(r => (r["ts"], r["client"], r["port"], r["isn"])));

        var inRows = ImportedTable.Read(store, new TableRef("tenant1", "http_in"));
        Assert.Equal(httpIn.Select(r => (truth.Get(r, "ip.src"), truth.Get(r, "tcp.seq_raw"), truth.Get(r, "tcp.len"),
                (Convert.ToInt64(truth.Get(r, "ip.id"), 16) + (long.Parse(truth.Get(r, "tcp.seq_raw")) << 16)).ToString())),
            inRows.Select(r => (r["ip_src"], r["seq"], r["payload_length"], r["id"])));

        var ackRows = ImportedTable.Read(store, new TableRef("tenant1", "acks"));
        Assert.Equal(acks.Select(r => truth.Get(r, "tcp.ack_raw")), ackRows.Select(r => r["ack"]));
        Assert.True(syns.Count > 5 && httpIn.Count > 5 && acks.Count > 100);
    }

    [Fact]
    public void A_second_import_appends_segments_and_keeps_the_first()
    {
        var pcap = SharedData.Pcap("tcp/gopacket_test_ethernet.pcap");
        var first = Import(PaperFigure7.Example, pcap);
        var second = Import(PaperFigure7.Example, pcap);
        var store = new TraceTableStore(_data);
        var table = first.RowsPerTable[0].Table;
        Assert.Equal(first.RowsPerTable[0].Rows + second.RowsPerTable[0].Rows, store.RowCount(table));
        Assert.Equal(2, store.OpenTable(table).Segments.Count);
    }

    [Fact]
    public void A_torn_file_keeps_every_packet_before_the_tear_and_reports_its_offset()
    {
        var whole = File.ReadAllBytes(SharedData.Pcap("tcp/zeek_http_bro.org.pcap"));
        var torn = Path.Combine(_data, "torn.pcap");
        Directory.CreateDirectory(_data);
        File.WriteAllBytes(torn, whole[..(whole.Length / 2)]);
        var summary = Import(PaperFigure7.Example, torn);
        var end = Assert.Single(summary.Sources);
        Assert.NotNull(end.TruncatedAtOffset);
        Assert.True(end.TruncatedAtOffset < whole.Length / 2);
        Assert.True(summary.Packets > 300);
        Assert.Equal(1, summary.ReaderErrors[(int)ReaderErrorKind.TruncatedRecord]);
    }

    [Fact]
    public void Malformed_packets_are_kept_with_null_columns_and_counted()
    {
        var files = Directory.EnumerateFiles(SharedData.Pcap("malformed"))
            .Where(f => !f.Contains("invalid-vers", StringComparison.Ordinal) && !f.Contains("invalid-version", StringComparison.Ordinal)
                && !f.Contains("option-too-long", StringComparison.Ordinal) && !f.Contains("reserved-field", StringComparison.Ordinal))
            .ToArray();
        const string everything = """
            Trace ID all
            Table ID everything
            Fields timestamp as ts, frame.len, ip.src, ip.dst, ipv6.src, tcp.srcport, tcp.seq, tcp.len, udp.dstport, dns.qry.name, vnd.decode_errors as errors
            """;
        var summary = Import(everything, files);
        Assert.Equal(summary.Packets, summary.RowsPerTable[0].Rows);
        Assert.True(summary.DecodeErrors.Sum() > 0);
        Assert.True(summary.DecodeErrors[(int)DecodeErrorKind.IhlTooSmall] + summary.DecodeErrors[(int)DecodeErrorKind.TruncatedIpv4] > 0);
        var rows = ImportedTable.Read(new TraceTableStore(_data), new TableRef("tenant1", "everything"));
        Assert.Contains(rows, r => r["tcp_srcport"] == "" && r["frame_len"] != "");
    }

    [Fact]
    public void Protocol_names_filter_by_presence_and_fill_boolean_columns()
    {
        const string config = """
            Trace ID all
            Table ID udp_only
            Filter: udp and not tcp = true
            Fields: udp.dstport as port, tcp as is_tcp, dns as is_dns
            """;
        const string file = "zeek_wikipedia.pcap";
        var summary = Import(config, SharedData.Pcap(Path.Combine("udp_dns", file)));
        var truth = CsvTable.Load(SharedData.Truth(file));
        var udp = truth.Rows.Where(r => truth.Get(r, "udp.dstport") != "" && truth.Get(r, "tcp.srcport") == "").ToList();
        Assert.True(udp.Count > 10);
        var rows = ImportedTable.Read(new TraceTableStore(_data), summary.RowsPerTable[0].Table);
        Assert.Equal(udp.Select(r => truth.Get(r, "udp.dstport")), rows.Select(r => r["port"]));
        Assert.All(rows, r => Assert.Equal("0", r["is_tcp"]));
        Assert.Equal(udp.Select(r => truth.Get(r, "dns.id") != "" ? "1" : "0"), rows.Select(r => r["is_dns"]));
    }
}
