namespace Vnd.Tests.Shared;

/// <summary>
/// Finds the project's shared test data (sample captures with tshark truth). The repository is cloned next to
/// <c>shared/</c>; <c>VND_SHARED</c> overrides the search. Under CI a missing folder fails the test instead of
/// skipping it, so a green run always means the captures were checked.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(Locate);

    /// <summary>The <c>shared</c> folder, or throws when it cannot be found.</summary>
    public static string Directory => Root.Value ?? throw new InvalidOperationException(
        "cannot find the shared test data: set VND_SHARED to the folder holding data/pcaps");

    /// <summary>The sample-capture folder <c>shared/data/pcaps</c>.</summary>
    public static string Pcaps => Path.Combine(Directory, "data", "pcaps");

    /// <summary>A path below <c>shared/data/pcaps</c>.</summary>
    public static string Pcap(string relative) => Path.Combine(Pcaps, relative);

    /// <summary>The tshark truth CSV of a capture, by the capture's file name.</summary>
    public static string Truth(string fileName) => Path.Combine(Pcaps, "truth", fileName + ".csv");

    private static string? Locate()
    {
        var env = Environment.GetEnvironmentVariable("VND_SHARED");
        if (!string.IsNullOrEmpty(env) && System.IO.Directory.Exists(Path.Combine(env, "data", "pcaps")))
            return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (System.IO.Directory.Exists(Path.Combine(candidate, "data", "pcaps")))
                return candidate;
        }
        return null;
    }
}
