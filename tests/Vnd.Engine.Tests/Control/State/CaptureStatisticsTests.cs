using Microsoft.Data.Sqlite;
using Vnd.Capture.Decoding;
using Vnd.Engine.Cli;
using Vnd.Engine.Tests.Control.Diagnoses;
using Vnd.Engine.Tests.Demo;
using Vnd.Tests.Shared;

namespace Vnd.Engine.Tests.Control.State;

/// <summary>
/// packets_read, packets_dropped and decode_errors of the metadata view: persisted per trace table whenever a capture
/// is attached, accumulated across attaches, kept across a restart, gone with the diagnosis.
/// </summary>
public sealed class CaptureStatisticsTests : IDisposable
{
    private readonly ControlDirectory dir = new();

    public void Dispose() => dir.Dispose();

    /// <summary>A real capture cut by a 68-byte snaplen: every one of its 24 frames is truncated (MANIFEST: truncated/).</summary>
    private static string Truncated => SharedData.Pcap("truncated/zeek_tcp_truncated-header.pcap");

    /// <summary>The frames of <see cref="Truncated"/> and how many of them tshark saw cut short (cap_len &lt; len).</summary>
    private static (long Frames, long Cut) TruncatedTruth()
    {
        var lines = File.ReadAllLines(SharedData.Truth("zeek_tcp_truncated-header.pcap"));
        var header = lines[0].Split(',');
        var (len, cap) = (Array.IndexOf(header, "frame.len"), Array.IndexOf(header, "frame.cap_len"));
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        return (rows.Count, rows.Count(r => long.Parse(r[len].Trim('"'), System.Globalization.CultureInfo.InvariantCulture) > long.Parse(r[cap].Trim('"'), System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The same capture torn inside its last record, as a capture killed mid-write leaves it.</summary>
    private string Torn()
    {
        var bytes = File.ReadAllBytes(Truncated);
        var path = Path.Combine(dir.Path, "torn.pcap");
        File.WriteAllBytes(path, bytes[..^10]);
        return path;
    }

    private static long Malformed(Vnd.Engine.Control.Diagnoses.AttachResult attached) =>
        attached.Summary.DecodeErrors.Sum() - attached.Summary.DecodeErrors[(int)DecodeErrorKind.SnaplenCut];

    private Dictionary<string, object?> Row(string tenant, string table) =>
        Assert.Single(MetadataRows.Of(dir.State, dir.Tables, tenant), r => (string)r["table_name"]! == table);

    private static (object?, object?, object?) Counts(Dictionary<string, object?> row) =>
        (row["packets_read"], row["packets_dropped"], row["decode_errors"]);

    [Fact]
    public void Counts_accumulate_over_attaches_survive_a_restart_and_go_with_the_diagnosis()
    {
        var (frames, cut) = TruncatedTruth();
        var manager = dir.Manager();
        manager.Start("tenant2", "lbdiag", PaperFigure5.Example, DiagnosisTexts.TcpParse);
        Assert.Equal((0L, 0L, 0L), Counts(Row("tenant2", "lb_in")));   // nothing attached yet: known to be zero

        var whole = manager.Attach("tenant2", "lbdiag", "lb.input", [Truncated]);
        var torn = manager.Attach("tenant2", "lbdiag", "lb_in", [Torn()]);
        // Every kind the importer counted but SnaplenCut (all 24 frames: cut by the capture's snap length, not malformed).
        var errors = Malformed(whole) + Malformed(torn);
        Assert.Equal((cut, cut - 1), (whole.Summary.DecodeErrors[(int)DecodeErrorKind.SnaplenCut], torn.Summary.DecodeErrors[(int)DecodeErrorKind.SnaplenCut]));
        dir.Close();

        // Restarted: the torn copy lost its last record (read 23, dropped 1); the TCP headers the snap length cut
        // inside their options are malformed in both copies.
        var lbIn = Row("tenant2", "lb_in");
        Assert.Equal((frames + frames - 1, 1L, errors), Counts(lbIn));
        Assert.True(errors >= 2, $"{errors} decode errors");
        Assert.Equal((24L, 24L), (frames, cut));
        Assert.Equal((0L, 0L, 0L), Counts(Row("tenant2", "lb_out")));
        Assert.Empty(MetadataRows.Of(dir.State, dir.Tables, "tenant1"));

        dir.Manager().Drop("tenant2", "lbdiag");
        Assert.Empty(dir.State.Statistics("tenant2"));
        dir.Manager().Start("tenant2", "lbdiag", PaperFigure5.Example, DiagnosisTexts.TcpParse);
        Assert.Equal((0L, 0L, 0L), Counts(Row("tenant2", "lb_in")));
    }

    [Fact]
    public void The_command_line_records_what_vnd_diagnosis_attach_and_vnd_import_counted()
    {
        File.WriteAllText(Path.Combine(dir.Path, "fig5.collect"), PaperFigure5.Example);
        File.WriteAllText(Path.Combine(dir.Path, "tcp.parse"), DiagnosisTexts.TcpParse);
        var data = Path.Combine(dir.Path, "data");
        Assert.Equal(0, Vnd("diagnosis", "start", "--data", data, "--demo", "--tenant", "tenant2", "--name", "lbdiag",
            "--collect", Path.Combine(dir.Path, "fig5.collect"), "--parse", Path.Combine(dir.Path, "tcp.parse")));
        Assert.Equal(0, Vnd("diagnosis", "attach", "--data", data, "--demo", "--tenant", "tenant2", "--name", "lbdiag",
            "--capture-point", "lb.output", Truncated));
        Assert.Equal(0, Vnd("diagnosis", "attach", "--data", data, "--demo", "--tenant", "tenant2", "--name", "lbdiag",
            "--capture-point", "lb.output", Truncated));
        Assert.Equal(0, Vnd("import", "--data", data, "--tenant", "tenant1", "--parse", Path.Combine(dir.Path, "tcp.parse"), Truncated));

        using var state = new Vnd.Engine.Control.State.ControlStateStore(data);
        var lbOut = state.Statistics("tenant2")["lb_out"];
        var imported = Assert.Single(state.Statistics("tenant1")).Value;
        Assert.Equal((48L, 0L), (lbOut.PacketsRead, lbOut.PacketsDropped));
        Assert.Equal((24L, 0L), (imported.PacketsRead, imported.PacketsDropped));
        Assert.Equal(2 * imported.DecodeErrors, lbOut.DecodeErrors);
        Assert.True(imported.DecodeErrors > 0);
    }

    [Fact]
    public void A_table_imported_before_statistics_were_kept_shows_null_not_an_undercount()
    {
        var manager = dir.Manager();
        manager.Start("tenant2", "lbdiag", PaperFigure5.Example, DiagnosisTexts.TcpParse);
        manager.Attach("tenant2", "lbdiag", "lb.input", [Truncated]);
        var path = dir.State.Path;
        dir.Close();
        using (var raw = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            raw.Open();
            using var downgrade = raw.CreateCommand();
            downgrade.CommandText = "DROP TABLE capture_statistics; DELETE FROM schema_version WHERE version = 3;";
            downgrade.ExecuteNonQuery();
        }

        dir.Manager().Attach("tenant2", "lbdiag", "lb.input", [Truncated]);

        Assert.Equal([1, 2, 3], dir.State.SchemaVersions);
        Assert.Equal((null, null, null), Counts(Row("tenant2", "lb_in")));
        Assert.Equal((0L, 0L, 0L), Counts(Row("tenant2", "lb_out")));
        Assert.Equal(48L, Row("tenant2", "lb_in")["rows"]);
    }

    private static int Vnd(params string[] args) => VndCommandLine.Build().Parse(args).Invoke();
}
