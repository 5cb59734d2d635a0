namespace Vnd.Engine.Tests.Control;

/// <summary>
/// Compares text with a golden file under <c>Control/golden</c> (copied next to the test assembly). With
/// <c>VND_UPDATE_GOLDEN=1</c> the source copy is rewritten instead, for a reviewed change of expected output.
/// </summary>
internal static class Golden
{
    public static void Check(string name, string actual)
    {
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("VND_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), name), actual);
            return;
        }
        var path = Path.Combine(AppContext.BaseDirectory, "Control", "golden", name);
        Assert.True(File.Exists(path), $"golden file {name} is missing; run once with VND_UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    private static string SourceDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Vnd.Engine.Tests", "Control", "golden");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException("cannot find tests/Vnd.Engine.Tests/Control/golden above the test assembly");
    }
}
