namespace Vnd.Engine.Tests.Demo;

/// <summary>The queries of docs/examples/demo-queries.sql by their <c>-- name:</c> line, so the README's text is what runs.</summary>
internal static class DemoQueries
{
    private static readonly Lazy<Dictionary<string, string>> All = new(Load);

    public static string Get(string name) => All.Value[name];

    public static IReadOnlyCollection<string> Names => All.Value.Keys;

    private static Dictionary<string, string> Load()
    {
        var queries = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        var text = new System.Text.StringBuilder();
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot(), "docs", "examples", "demo-queries.sql")))
        {
            if (line.StartsWith("-- name:", StringComparison.Ordinal))
            {
                name = line["-- name:".Length..].Trim();
                text.Clear();
            }
            else if (name is not null && !line.StartsWith("--", StringComparison.Ordinal))
            {
                text.AppendLine(line);
                if (line.TrimEnd().EndsWith(';'))
                {
                    queries.Add(name, text.ToString().Trim().TrimEnd(';'));
                    name = null;
                }
            }
        }
        return queries;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docs", "examples", "demo-queries.sql")))
                return dir.FullName;
        }
        throw new InvalidOperationException("docs/examples/demo-queries.sql not found above " + AppContext.BaseDirectory);
    }
}
