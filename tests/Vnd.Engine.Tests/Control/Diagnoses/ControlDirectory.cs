using Vnd.Engine.Control.Cloud;
using Vnd.Engine.Control.Diagnoses;
using Vnd.Engine.Control.State;
using Vnd.Executor.Storage;

namespace Vnd.Engine.Tests.Control.Diagnoses;

/// <summary>A fresh data directory with its control state and trace tables, deleted at the end of a test.</summary>
internal sealed class ControlDirectory : IDisposable
{
    private ControlStateStore? state;

    public ControlDirectory(CloudModel? cloud = null)
    {
        Cloud = cloud ?? DemoCloud.Load();
        Directory.CreateDirectory(Path);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vnd-control-" + Guid.NewGuid().ToString("N"));

    public CloudModel Cloud { get; }

    public ControlStateStore State => state ??= new ControlStateStore(Path);

    public TraceTableStore Tables => new(Path);

    public DiagnosisManager Manager() => new(() => Cloud, State, Tables);

    /// <summary>Closes the state as a stopped server would; the next <see cref="State"/> reopens the file.</summary>
    public void Close()
    {
        state?.Dispose();
        state = null;
    }

    public void Dispose()
    {
        Close();
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
