using Vnd.Engine.Control.Diagnoses;
using Vnd.Engine.Control.State;
using Vnd.Engine.Tests.Control.Diagnoses;

namespace Vnd.Engine.Tests.Control.State;

/// <summary>
/// Sessions cache which capture point fills each trace table per control-state version: the version must move on
/// every change, whether made through the server's own store or by another process (a <c>vnd diagnosis</c> command
/// beside a running server), and stay put otherwise.
/// </summary>
public sealed class ControlStateVersionTests : IDisposable
{
    private readonly ControlDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void TheVersionMovesOnEveryChangeFromThisStoreOrAnotherConnectionAndOnlyThen()
    {
        var server = dir.Manager();
        var before = server.StateVersion;
        Assert.Equal(before, server.StateVersion);
        Assert.Empty(server.List("tenant1"));
        Assert.Equal(before, server.StateVersion);

        server.Start("tenant1", "chain", DiagnosisTexts.Chain, DiagnosisTexts.TcpParse);
        var started = server.StateVersion;
        Assert.NotEqual(before, started);

        // Another connection to the same file, as the CLI opens it while the server runs.
        using (var cli = new ControlStateStore(dir.Path))
        {
            var other = new DiagnosisManager(() => dir.Cloud, cli, dir.Tables);
            other.Stop("tenant1", "chain");
        }
        var stopped = server.StateVersion;
        Assert.NotEqual(started, stopped);
        Assert.Equal(DiagnosisState.Stopped, Assert.Single(server.List("tenant1")).State);

        server.Drop("tenant1", "chain");
        Assert.NotEqual(stopped, server.StateVersion);
    }
}
