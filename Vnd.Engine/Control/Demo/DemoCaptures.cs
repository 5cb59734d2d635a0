using Vnd.Capture.Synthetic.Demo;

namespace Vnd.Engine.Control.Demo;

/// <summary>
/// The demo's generated traffic written as the capture files of each capture point, under
/// <c>&lt;data&gt;/demo-captures/&lt;tenant&gt;/</c>: tenant1's chain at A, B and C (§5.1.1) and tenant2's lb input
/// and output. Keys are the trace tables' short names (<c>a</c>, <c>lb_in</c>), which attaching accepts as the
/// capture point's name.
/// </summary>
internal static class DemoCaptures
{
    public const string Directory = "demo-captures";

    public static IReadOnlyDictionary<string, string> WriteChain(string dataDirectory, ChainScenarioOptions options)
    {
        var folder = Folder(dataDirectory, "tenant1");
        var trace = ChainTraffic.Generate(options);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var point in Enum.GetValues<ChainCapturePoint>())
        {
            var name = point.ToString().ToLowerInvariant();
            var path = Path.Combine(folder, name + ".pcap");
            ChainTraffic.WritePcap(trace, point, path);
            files[name] = path;
        }
        return files;
    }

    public static IReadOnlyDictionary<string, string> WriteWebTier(string dataDirectory, WebTierOptions options)
    {
        var folder = Folder(dataDirectory, "tenant2");
        var trace = WebTierTraffic.Generate(options);
        var input = Path.Combine(folder, "lb_in.pcap");
        var output = Path.Combine(folder, "lb_out.pcap");
        WebTierTraffic.WritePcap(trace.Input, input);
        WebTierTraffic.WritePcap(trace.Output, output);
        return new Dictionary<string, string>(StringComparer.Ordinal) { ["lb_in"] = input, ["lb_out"] = output };
    }

    private static string Folder(string dataDirectory, string tenant)
    {
        var folder = Path.Combine(Path.GetFullPath(dataDirectory), Directory, tenant);
        System.IO.Directory.CreateDirectory(folder);
        return folder;
    }
}
