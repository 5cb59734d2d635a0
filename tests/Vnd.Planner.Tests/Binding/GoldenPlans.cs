namespace Vnd.Planner.Tests.Binding;

/// <summary>Reads golden files of "SQL> query" lines each followed by the expected plan text.</summary>
internal static class GoldenPlans
{
    public static TheoryData<string, string> Load(string file)
    {
        var data = new TheoryData<string, string>();
        string? sql = null;
        var expected = new System.Text.StringBuilder();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, file)))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }
            if (line.StartsWith("SQL> ", StringComparison.Ordinal))
            {
                if (sql is not null)
                {
                    data.Add(sql, expected.ToString());
                }
                sql = line[5..];
                expected.Clear();
            }
            else if (line.Length > 0)
            {
                expected.Append(line).Append('\n');
            }
        }
        if (sql is not null)
        {
            data.Add(sql, expected.ToString());
        }
        return data;
    }
}
