namespace Vnd.Executor.Tests.Slt;

/// <summary>The corpus under tests/slt, found by walking up from the test assembly to the repository root.</summary>
public static class SltCorpus
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "slt");
            if (File.Exists(Path.Combine(candidate, "tables.sql")))
                return candidate;
        }
        throw new InvalidOperationException("cannot find tests/slt/tables.sql above " + AppContext.BaseDirectory);
    });

    public static string Directory => Root.Value;

    public static string SetupSql => File.ReadAllText(Path.Combine(Directory, "tables.sql"));

    public static IEnumerable<string> Files => System.IO.Directory.GetFiles(Directory, "*.slt").Order(StringComparer.Ordinal);

    public static List<SltRecord> AllRecords() => Files.SelectMany(SltParser.Parse).ToList();
}
