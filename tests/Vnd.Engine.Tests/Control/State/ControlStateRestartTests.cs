using Microsoft.Data.Sqlite;
using Vnd.Engine.Control.Diagnoses;
using Vnd.Engine.Control.Policy;
using Vnd.Engine.Control.State;
using Vnd.Engine.Tests.Control.Diagnoses;
using Vnd.Executor.Storage;

namespace Vnd.Engine.Tests.Control.State;

public sealed class ControlStateRestartTests : IDisposable
{
    private readonly ControlDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void DiagnosesPoliciesStatesTablesAndCapturesSurviveARestart()
    {
        var manager = dir.Manager();
        var chain = manager.Start("tenant1", "chain", DiagnosisTexts.Chain, DiagnosisTexts.TcpParse);
        var lb = manager.Start("tenant2", "lbdiag", PaperFigure5.Example, DiagnosisTexts.TcpParse);
        var split = manager.Start("tenant2", "split", "Virtual Appliance Link : front\nCapture Point client", DiagnosisTexts.TwoTablesParse);
        manager.Stop("tenant2", "split");
        manager.Attach("tenant2", "lbdiag", "lb.input", [DiagnosisTexts.TcpCapture]);
        manager.Attach("tenant1", "chain", "B", [DiagnosisTexts.OtherTcpCapture]);
        dir.Close();

        var reopened = dir.Manager();

        var tenant1 = Assert.Single(reopened.List("tenant1"));
        var tenant2 = reopened.List("tenant2");
        Assert.Equal((chain.Name, DiagnosisState.Running), (tenant1.Name, tenant1.State));
        Assert.Equal(chain.Tables, tenant1.Tables);
        Assert.Equal(chain.Policy.ToJson(), tenant1.Policy.ToJson());
        Assert.Equal(DiagnosisTexts.Chain, tenant1.CollectionConfiguration);
        Assert.Equal([("lbdiag", DiagnosisState.Running), ("split", DiagnosisState.Stopped)], tenant2.Select(d => (d.Name, d.State)));
        Assert.Equal(lb.Tables, tenant2[0].Tables);
        Assert.Equal(lb.Policy.ToJson(), tenant2[0].Policy.ToJson());
        Assert.Equal(split.Policy.ToJson(), tenant2[1].Policy.ToJson());
        Assert.Equal((DiagnosisTexts.TwoTablesParse, lb.Created), (tenant2[1].ParseConfiguration, tenant2[0].Created));
        Assert.Equal([("lb.input", 179L)], dir.State.Captures("tenant2", "lbdiag").Select(c => (c.CapturePoint, c.Packets)));
        Assert.Equal([("B", 10L)], dir.State.Captures("tenant1", "chain").Select(c => (c.CapturePoint, c.Packets)));
        Assert.Equal(DiagnosisTexts.TcpFramesOfTcpCapture(), dir.Tables.RowCount(new TableRef("tenant2", "lb_in")));
        Assert.Equal(10, dir.Tables.RowCount(new TableRef("tenant1", "b")));
        // The stopped diagnosis still holds its tables' names but no collector; the running ones still hold theirs.
        var again = Assert.Throws<DiagnosisException>(() => reopened.Start("tenant2", "lbdiag", PaperFigure5.Example, DiagnosisTexts.TcpParse));
        Assert.Equal(DiagnosisException.DuplicateObject, again.SqlState);
        reopened.Drop("tenant2", "lbdiag");
        Assert.False(dir.Tables.TableExists(new TableRef("tenant2", "lb_in")));
    }

    [Fact]
    public void AFailedStartLeavesNoRecordAndNoTable()
    {
        var manager = dir.Manager();
        manager.Start("tenant2", "one", "Appliance Type Node : web1\nCapture Point input", "Trace ID all\nTable ID w1\nFields: timestamp as ts");
        manager.Start("tenant2", "two", "Appliance Type Node : web2\nCapture Point input", "Trace ID all\nTable ID w2\nFields: timestamp as ts");

        // Quota (tenant2 may run two), another tenant's node (42501), a pattern outside its network, a bad parse rule:
        // each refused after the configurations parsed, inside the transaction or before it.
        var refusals = new Exception[]
        {
            Assert.Throws<PolicyException>(() => manager.Start("tenant2", "three", PaperFigure5.Example, DiagnosisTexts.TcpParse)),
        };
        manager.Stop("tenant2", "two");
        refusals =
        [
            .. refusals,
            Assert.Throws<PolicyException>(() => manager.Start("tenant2", "alien", "Appliance Type Node : ids\nCapture Point input", DiagnosisTexts.TcpParse)),
            Assert.Throws<PolicyException>(() => manager.Start("tenant2", "outside", "Appliance Type Node : lb\nCapture Point input\nFlow Pattern ip.src = 10.0.3.10", DiagnosisTexts.TcpParse)),
            Assert.Throws<DiagnosisException>(() => manager.Start("tenant2", "badparse", PaperFigure5.Example, "Trace ID all\nFields: nosuch.field as x")),
            // Policy computed and collectors chosen inside the write transaction, then the table plan fails.
            Assert.Throws<DiagnosisException>(() => manager.Start("tenant2", "noplan", PaperFigure5.Example, "Trace ID web9.input\nFields: timestamp as ts")),
        ];
        dir.Close();

        var reopened = dir.Manager();
        Assert.Equal(["one", "two"], reopened.List("tenant2").Select(d => d.Name));
        Assert.Empty(reopened.List("tenant1"));
        Assert.Empty(dir.Tables.ListSchemas());
        Assert.Equal(
            [PolicyException.ConfigurationLimitExceeded, PolicyException.InsufficientPrivilege, PolicyException.InsufficientPrivilege, DiagnosisException.InvalidParameterValue, DiagnosisException.InvalidParameterValue],
            refusals.Select(e => e is PolicyException p ? p.SqlState : ((DiagnosisException)e).SqlState));
        using var raw = new SqliteConnection($"Data Source={dir.State.Path};Pooling=False");
        raw.Open();
        Assert.Equal(2L, Count(raw, "trace_tables"));
        Assert.Equal(2L, Count(raw, "diagnoses"));
    }

    [Fact]
    public void ANewFileGetsEveryMigrationInWalModeAndANewerFileIsRefused()
    {
        Assert.Equal([1, 2, 3], dir.State.SchemaVersions);
        var path = dir.State.Path;
        dir.Close();
        using (var raw = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            raw.Open();
            using var mode = raw.CreateCommand();
            mode.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", mode.ExecuteScalar());
            using var bump = raw.CreateCommand();
            bump.CommandText = "INSERT INTO schema_version (version) VALUES (99)";
            bump.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidOperationException>(() => new ControlStateStore(dir.Path));

        Assert.Contains("schema version 99; this vnd understands up to 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AVersionOneFileIsUpgradedKeepingItsDiagnoses()
    {
        var manager = dir.Manager();
        manager.Start("tenant2", "lbdiag", PaperFigure5.Example, DiagnosisTexts.TcpParse);
        var path = dir.State.Path;
        dir.Close();
        using (var raw = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            raw.Open();
            using var downgrade = raw.CreateCommand();
            downgrade.CommandText = "DROP TABLE attached_captures; DROP TABLE capture_statistics; DELETE FROM schema_version WHERE version >= 2;";
            downgrade.ExecuteNonQuery();
        }

        var upgraded = dir.Manager();
        upgraded.Attach("tenant2", "lbdiag", "lb.output", [DiagnosisTexts.OtherTcpCapture]);

        Assert.Equal([1, 2, 3], dir.State.SchemaVersions);
        Assert.Equal("lbdiag", Assert.Single(upgraded.List("tenant2")).Name);
        Assert.Single(dir.State.Captures("tenant2", "lbdiag"));
    }

    private static long Count(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
