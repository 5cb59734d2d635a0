using Vnd.Engine.Control.Demo;
using Vnd.Engine.Sessions;
using Vnd.Executor.Storage;

namespace Vnd.Engine.Tests.Demo;

/// <summary>One data directory seeded with the demo, shared by the tests of a class (seeding takes a second or two).</summary>
public sealed class SeededDemo : IDisposable
{
    public SeededDemo()
    {
        Directory.CreateDirectory(Path);
        Summary = DemoSeeder.Seed(Path);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vnd-demo-" + Guid.NewGuid().ToString("N"));

    public DemoSummary Summary { get; }

    public QueryRunner As(string tenant) => new(new TraceTableStore(Path), tenant);

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
