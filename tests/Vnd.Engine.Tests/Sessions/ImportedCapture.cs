using Vnd.Engine.Cli;
using Vnd.Engine.Sessions;
using Vnd.Executor.Storage;
using Vnd.Tests.Shared;

namespace Vnd.Engine.Tests.Sessions;

/// <summary>A sample capture imported by <c>vnd import</c> with docs/examples/tcp-trace.cfg into a throwaway data
/// directory as tenant t1's table <c>packets</c>, queried with SQL.</summary>
internal sealed class ImportedCapture : IDisposable
{
    public ImportedCapture(string capture)
    {
        Data = Path.Combine(Path.GetTempPath(), "vnd-query-" + Guid.NewGuid().ToString("N"));
        var config = Path.Combine(RepositoryRoot(), "docs", "examples", "tcp-trace.cfg");
        var rc = VndCommandLine.Build().Parse(["import", "--data", Data, "--tenant", "t1", "--parse", config, SharedData.Pcap(capture)]).Invoke();
        Assert.Equal(0, rc);
    }

    public string Data { get; }

    public QueryResult Sql(string sql) => new QueryRunner(new TraceTableStore(Data), "t1").Run(sql);

    public void Dispose()
    {
        if (Directory.Exists(Data))
            Directory.Delete(Data, recursive: true);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docs", "examples", "tcp-trace.cfg")))
                return dir.FullName;
        }
        throw new InvalidOperationException("docs/examples/tcp-trace.cfg not found above " + AppContext.BaseDirectory);
    }
}
