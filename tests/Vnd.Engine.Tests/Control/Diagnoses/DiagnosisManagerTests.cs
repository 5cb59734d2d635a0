using Vnd.Engine.Control.Cloud;
using Vnd.Engine.Control.Diagnoses;
using Vnd.Engine.Control.Policy;
using Vnd.Engine.Tests.Control;
using Vnd.Executor.Storage;

namespace Vnd.Engine.Tests.Control.Diagnoses;

public sealed class DiagnosisManagerTests : IDisposable
{
    private readonly ControlDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Figure5OnTenant2FillsLbInAndLbOutWithBothWebFlowsAtEachCapturePoint()
    {
        var diagnosis = dir.Manager().Start("tenant2", "lbdiag", PaperFigure5.Example, DiagnosisTexts.TcpParse);

        Assert.Equal(DiagnosisState.Running, diagnosis.State);
        Assert.Equal(
            [("lb.input", "tenant2.lb_in"), ("lb.output", "tenant2.lb_out")],
            diagnosis.Tables.Select(t => (t.CapturePoint, t.Table.ToString())));
        foreach (var point in diagnosis.Policy.CapturePoints)
        {
            Assert.Equal(
                ["src=10.0.0.6/32 dst=10.0.0.8/32 proto=6 dport=80", "src=10.0.0.8/32 dst=10.0.0.6/32 proto=6 sport=80"],
                point.Matches.Select(m => m.ToString()));
        }
        Assert.Equal(diagnosis.Tables.Select(t => (t.Hypervisor, t.TableServer)), diagnosis.Policy.CapturePoints.Select(p => (p.Hypervisor, p.TableServer)));
    }

    [Fact]
    public void TheChainOnTenant1FillsOneTablePerLinkAndNamedRulesPrefixTheirTableId()
    {
        var manager = dir.Manager();
        var chain = manager.Start("tenant1", "chain", DiagnosisTexts.Chain, DiagnosisTexts.TcpParse);
        var split = manager.Start("tenant2", "split", PaperFigure5.Example, DiagnosisTexts.TwoTablesParse);

        Assert.Equal(["a", "b", "c"], chain.Tables.Select(t => t.Table.Table));
        Assert.Equal(["tcp_lb_in", "udp_lb_in", "tcp_lb_out", "udp_lb_out"], split.Tables.Select(t => t.Table.Table));
    }

    [Fact]
    public void ARuleForOneTraceFillsOnlyThatCapturePointAndAnUnknownTraceIsRefusedWithItsLine()
    {
        var manager = dir.Manager();
        var diagnosis = manager.Start("tenant2", "inonly", PaperFigure5.Example, """
            Trace ID lb-in
            Fields: timestamp as ts
            Trace ID lb.output
            Table ID replies
            Fields: ip.src as src
            """);
        var error = Assert.Throws<DiagnosisException>(() => manager.Start("tenant2", "typo", PaperFigure5.Example, """
            Trace ID lb.input
            Fields: timestamp as ts
            Trace ID lb.inptu
            Fields: ip.src as src
            """));

        Assert.Equal(["tenant2.lb_in", "tenant2.replies_lb_out"], diagnosis.Tables.Select(t => t.Table.ToString()));
        Assert.Equal(DiagnosisException.InvalidParameterValue, error.SqlState);
        Assert.StartsWith("parse configuration line 4, column 1: trace \"lb.inptu\" is none of", error.Message);
    }

    [Fact]
    public void AttachImportsACaptureIntoOneCapturePointsTablesOnly()
    {
        var manager = dir.Manager();
        manager.Start("tenant2", "lbdiag", PaperFigure5.Example, DiagnosisTexts.TcpParse);

        var attached = manager.Attach("tenant2", "lbdiag", "lb_in", [DiagnosisTexts.TcpCapture]);

        Assert.Equal("lb.input", attached.CapturePoint);
        Assert.Empty(attached.Failures);
        var lbIn = new TableRef("tenant2", "lb_in");
        Assert.Equal(DiagnosisTexts.TcpFramesOfTcpCapture(), dir.Tables.RowCount(lbIn));
        Assert.Equal([lbIn], dir.Tables.ListTables("tenant2"));
        Assert.Equal(("lb.input", 179L), dir.State.Captures("tenant2", "lbdiag").Select(c => (c.CapturePoint, c.Packets)).Single());
    }

    [Fact]
    public void StopKeepsTablesAndFreesCollectorsDropDeletesTablesAndFreesStorage()
    {
        var manager = dir.Manager();
        manager.Start("tenant2", "lbdiag", PaperFigure5.Example, DiagnosisTexts.TcpParse);
        manager.Attach("tenant2", "lbdiag", "lb.input", [DiagnosisTexts.TcpCapture]);

        var stopped = manager.Stop("tenant2", "lbdiag");
        var again = manager.Start("tenant2", "lbdiag2", PaperFigure5.Example, DiagnosisTexts.TwoTablesParse);
        var freed = manager.Drop("tenant2", "lbdiag");

        Assert.Equal(DiagnosisState.Stopped, stopped.State);
        // Stopped, lbdiag's collector port is free again: the next diagnosis takes the same slot.
        Assert.Equal(stopped.Policy.CapturePoints[0].CollectorPort, again.Policy.CapturePoints[0].CollectorPort);
        Assert.Equal(DiagnosisTexts.TcpFramesOfTcpCapture(), freed.Rows);
        Assert.True(freed.Bytes > 0);
        Assert.Empty(dir.Tables.ListTables("tenant2"));
        Assert.Equal(["lbdiag2"], manager.List("tenant2").Select(d => d.Name));
        Assert.Empty(dir.State.Captures("tenant2", "lbdiag"));
    }

    [Fact]
    public void AnotherTenantsDiagnosisIsIndistinguishableFromAMissingOne()
    {
        var manager = dir.Manager();
        manager.Start("tenant2", "lbdiag", PaperFigure5.Example, DiagnosisTexts.TcpParse);

        var errors = new List<DiagnosisException>
        {
            Assert.Throws<DiagnosisException>(() => manager.Stop("tenant1", "lbdiag")),
            Assert.Throws<DiagnosisException>(() => manager.Drop("tenant1", "lbdiag")),
            Assert.Throws<DiagnosisException>(() => manager.Attach("tenant1", "lbdiag", "lb.input", [DiagnosisTexts.TcpCapture])),
        };
        var missing = Assert.Throws<DiagnosisException>(() => manager.Stop("tenant1", "nosuch"));

        Assert.All(errors, e => Assert.Equal((DiagnosisException.UndefinedObject, "diagnosis \"lbdiag\" does not exist"), (e.SqlState, e.Message)));
        Assert.Equal((DiagnosisException.UndefinedObject, "diagnosis \"nosuch\" does not exist"), (missing.SqlState, missing.Message));
        Assert.Empty(manager.List("tenant1"));
        Assert.Equal(DiagnosisState.Running, Assert.Single(manager.List("tenant2")).State);
    }

    [Fact]
    public void TheFifthConcurrentDiagnosisExceedsTenant1sQuotaAndLeavesNothing()
    {
        var manager = dir.Manager();
        for (var i = 0; i < 4; i++)
            manager.Start("tenant1", $"d{i}", DiagnosisTexts.LinkA, $"Trace ID all\nTable ID t{i}\nFields: timestamp as ts");

        var error = Assert.Throws<PolicyException>(() => manager.Start("tenant1", "d4", DiagnosisTexts.LinkA, "Trace ID all\nTable ID t4\nFields: timestamp as ts"));

        Assert.Equal(PolicyException.ConfigurationLimitExceeded, error.SqlState);
        Assert.Equal(["d0", "d1", "d2", "d3"], manager.List("tenant1").Select(d => d.Name));
    }

    [Fact]
    public void RowQuotaRefusesFurtherCapturesWithTheReason()
    {
        using var small = new ControlDirectory(CloudModelLoader.Load(
            DemoCloud.Yaml.Replace("quotas: { maxRows: 1000000,", "quotas: { maxRows: 100,", StringComparison.Ordinal), "small quota"));
        var manager = small.Manager();
        Assert.Equal(100, small.Cloud.FindTenant("tenant2")!.Quotas.MaxRows);
        manager.Start("tenant2", "lbdiag", PaperFigure5.Example, DiagnosisTexts.TcpParse);
        manager.Attach("tenant2", "lbdiag", "lb.input", [DiagnosisTexts.TcpCapture]);

        var refused = Assert.Throws<DiagnosisException>(() => manager.Attach("tenant2", "lbdiag", "lb.output", [DiagnosisTexts.TcpCapture]));
        var noStart = Assert.Throws<DiagnosisException>(() => manager.Start("tenant2", "more", "Virtual Appliance Link : front\nCapture Point client", DiagnosisTexts.TcpParse));

        Assert.Equal(DiagnosisException.ConfigurationLimitExceeded, refused.SqlState);
        Assert.Contains("106 trace rows, the most its quota allows (100)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosisException.ConfigurationLimitExceeded, noStart.SqlState);
        Assert.False(small.Tables.TableExists(new TableRef("tenant2", "lb_out")));
        Assert.Single(manager.List("tenant2"));
    }

    [Fact]
    public void NameClashesAreRefused()
    {
        var manager = dir.Manager();
        manager.Start("tenant2", "lbdiag", PaperFigure5.Example, DiagnosisTexts.TcpParse);

        var sameName = Assert.Throws<DiagnosisException>(() => manager.Start("tenant2", "lbdiag", PaperFigure5.Example, DiagnosisTexts.TwoTablesParse));
        var sameTables = Assert.Throws<DiagnosisException>(() => manager.Start("tenant2", "other", PaperFigure5.Example, DiagnosisTexts.TcpParse));
        var otherTenant = manager.Start("tenant1", "lbdiag", DiagnosisTexts.Chain, DiagnosisTexts.TcpParse);

        Assert.Equal((DiagnosisException.DuplicateObject, "diagnosis \"lbdiag\" already exists"), (sameName.SqlState, sameName.Message));
        Assert.Equal(DiagnosisException.DuplicateObject, sameTables.SqlState);
        Assert.Contains("\"lb_in\" already belongs to diagnosis \"lbdiag\"", sameTables.Message, StringComparison.Ordinal);
        Assert.Equal("tenant1", otherTenant.Tenant);
    }
}
