using Vnd.Engine.Control.Cloud;

namespace Vnd.Engine.Tests.Control;

public sealed class CloudModelStoreTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"vnd-cloud-{Guid.NewGuid():N}.yaml");

    [Fact]
    public void ReloadSwapsInTheNewModel()
    {
        File.WriteAllText(path, DemoCloud.Yaml);
        var store = CloudModelStore.Open(path);
        var before = store.Current;
        Assert.Null(before.FindTenant("tenant3"));
        File.WriteAllText(path, DemoCloud.Yaml.Replace("  - name: tenant2\n    password: tenant2",
            "  - name: tenant3\n    password: tenant3", StringComparison.Ordinal));
        var after = store.Reload();
        Assert.Same(after, store.Current);
        Assert.NotNull(store.Current.FindTenant("tenant3"));
        // A reader that took the old snapshot keeps a consistent old view.
        Assert.NotNull(before.FindTenant("tenant2"));
        Assert.Null(before.FindTenant("tenant3"));
    }

    [Fact]
    public void BadReloadKeepsTheOldModel()
    {
        File.WriteAllText(path, DemoCloud.Yaml);
        var store = CloudModelStore.Open(path);
        var before = store.Current;
        File.WriteAllText(path, DemoCloud.Yaml.Replace("vni: 6001", "vni: 5001", StringComparison.Ordinal));
        var e = Assert.Throws<CloudModelException>(store.Reload);
        Assert.Contains("VNI 5001", e.Message, StringComparison.Ordinal);
        Assert.Same(before, store.Current);
    }

    [Fact]
    public async Task ConcurrentReadersSeeWholeModelsDuringReloads()
    {
        File.WriteAllText(path, DemoCloud.Yaml);
        var store = CloudModelStore.Open(path);
        var variants = new[] { DemoCloud.Yaml, DemoCloud.Yaml.Replace("tenant2", "tenant9", StringComparison.Ordinal) };
        using var stop = new CancellationTokenSource();
        var torn = 0;
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var model = store.Current;
                // Each file has exactly one of tenant2/tenant9; a mix would show both or neither.
                if ((model.FindTenant("tenant2") is null) == (model.FindTenant("tenant9") is null))
                    Interlocked.Increment(ref torn);
            }
        });
        for (var i = 0; i < 20; i++)
        {
            File.WriteAllText(path, variants[i % 2]);
            store.Reload();
        }
        await stop.CancelAsync();
        await reader;
        Assert.Equal(0, torn);
    }

    public void Dispose() => File.Delete(path);
}
