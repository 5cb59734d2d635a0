using Vnd.Engine.Cli;
using Vnd.Engine.Control.Cloud;
using Vnd.Engine.Control.Diagnoses;
using Vnd.Engine.Control.State;
using Vnd.Engine.Tests.Control;
using Vnd.Engine.Tests.Control.Diagnoses;
using Vnd.Executor.Storage;

namespace Vnd.Engine.Tests.Cli;

public sealed class DiagnosisCommandTests : IDisposable
{
    private readonly string work = Path.Combine(Path.GetTempPath(), "vnd-diagnosis-cli-" + Guid.NewGuid().ToString("N"));
    private readonly string data;

    public DiagnosisCommandTests()
    {
        data = Path.Combine(work, "data");
        Directory.CreateDirectory(work);
        File.WriteAllText(Path.Combine(work, "fig5.collect"), PaperFigure5.Example);
        File.WriteAllText(Path.Combine(work, "chain.collect"), DiagnosisTexts.Chain);
        File.WriteAllText(Path.Combine(work, "tcp.parse"), DiagnosisTexts.TcpParse);
        File.WriteAllText(Path.Combine(work, "cloud.yaml"), DemoCloud.Yaml);
    }

    public void Dispose() => Directory.Delete(work, recursive: true);

    private static int Vnd(params string[] args) => VndCommandLine.Build().Parse(args).Invoke();

    private string In(string file) => Path.Combine(work, file);

    [Fact]
    public void StartAttachListStopAndDropThroughTheCommandLine()
    {
        Assert.Equal(0, Vnd("diagnosis", "start", "--data", data, "--demo", "--tenant", "tenant2", "--name", "lbdiag",
            "--collect", In("fig5.collect"), "--parse", In("tcp.parse")));
        Assert.Equal(0, Vnd("diagnosis", "start", "--data", data, "--cloud", In("cloud.yaml"), "--tenant", "tenant1", "--name", "chain",
            "--collect", In("chain.collect"), "--parse", In("tcp.parse")));
        Assert.Equal(0, Vnd("diagnosis", "attach", "--data", data, "--demo", "--tenant", "tenant2", "--name", "lbdiag",
            "--capture-point", "lb.input", DiagnosisTexts.TcpCapture));
        Assert.Equal(0, Vnd("diagnosis", "stop", "--data", data, "--tenant", "tenant1", "--name", "chain"));
        Assert.Equal(0, Vnd("diagnosis", "list", "--data", data));
        Assert.Equal(0, Vnd("diagnosis", "list", "--data", data, "--tenant", "tenant2"));

        using (var state = new ControlStateStore(data))
        {
            Assert.Equal([("tenant1", "chain", DiagnosisState.Stopped), ("tenant2", "lbdiag", DiagnosisState.Running)],
                state.List(null).Select(d => (d.Tenant, d.Name, d.State)));
        }
        var tables = new TraceTableStore(data);
        Assert.Equal(DiagnosisTexts.TcpFramesOfTcpCapture(), tables.RowCount(new TableRef("tenant2", "lb_in")));

        Assert.Equal(0, Vnd("diagnosis", "drop", "--data", data, "--tenant", "tenant2", "--name", "lbdiag"));

        Assert.Empty(tables.ListTables("tenant2"));
        using var after = new ControlStateStore(data);
        Assert.Equal(["chain"], after.List(null).Select(d => d.Name));
    }

    [Fact]
    public void RefusalsExitWithTwoAndChangeNothing()
    {
        Assert.Equal(0, Vnd("diagnosis", "start", "--data", data, "--demo", "--tenant", "tenant2", "--name", "lbdiag",
            "--collect", In("fig5.collect"), "--parse", In("tcp.parse")));

        Assert.Equal(2, Vnd("diagnosis", "stop", "--data", data, "--tenant", "tenant1", "--name", "lbdiag"));
        Assert.Equal(2, Vnd("diagnosis", "drop", "--data", data, "--tenant", "tenant1", "--name", "lbdiag"));
        Assert.Equal(2, Vnd("diagnosis", "attach", "--data", data, "--demo", "--tenant", "tenant2", "--name", "lbdiag",
            "--capture-point", "web1.input", DiagnosisTexts.TcpCapture));
        Assert.Equal(2, Vnd("diagnosis", "start", "--data", data, "--tenant", "tenant1", "--name", "nocloud",
            "--collect", In("chain.collect"), "--parse", In("tcp.parse")));
        Assert.Equal(2, Vnd("diagnosis", "start", "--data", data, "--demo", "--tenant", "tenant1", "--name", "wrongfile",
            "--collect", In("tcp.parse"), "--parse", In("tcp.parse")));

        using var state = new ControlStateStore(data);
        Assert.Equal([("tenant2", "lbdiag", DiagnosisState.Running)], state.List(null).Select(d => (d.Tenant, d.Name, d.State)));
        Assert.Empty(new TraceTableStore(data).ListSchemas());
    }
}
