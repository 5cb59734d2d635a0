namespace Vnd.Executor.Tests.Slt;

/// <summary>
/// Rewrites a .slt file with PostgreSQL's answers (VND_SLT_REGENERATE=1 in the differential test): each
/// statement's ok/error line and each query's rows after ----. Comments, SQL and skips stay as written.
/// </summary>
public static class SltRegenerator
{
    public static void Rewrite(string file, Func<string, SltResult> postgres)
    {
        var problems = new List<string>();
        var lines = File.ReadAllLines(file).ToList();
        var records = SltParser.Parse(file, [.. lines]);
        for (var r = records.Count - 1; r >= 0; r--)
        {
            var record = records[r];
            var header = record.Line - 1;
            var result = postgres(record.Sql);
            var sqlEnd = header + 1 + record.Sql.Split('\n').Length;
            if (!record.IsQuery)
            {
                lines[header] = result.ErrorState is null ? "statement ok" : $"statement error {result.ErrorState}";
                continue;
            }
            if (result.ErrorState is not null)
            {
                problems.Add($"{record}: PostgreSQL fails the query with {result.ErrorState}: {result.ErrorMessage}");
                continue;
            }
            var end = sqlEnd;
            if (end < lines.Count && lines[end].Trim() == "----")
            {
                end++;
                while (end < lines.Count && lines[end].Length > 0)
                    end++;
            }
            lines.RemoveRange(sqlEnd, end - sqlEnd);
            lines.InsertRange(sqlEnd, ["----", .. result.Lines()]);
            var width = result.Rows!.Count > 0 ? result.Rows[0].Length : record.Types!.Length;
            if (width != record.Types!.Length)
                problems.Add($"{record}: {width} columns but types '{record.Types}'");
        }
        File.WriteAllLines(file, lines);
        if (problems.Count > 0)
            throw new InvalidOperationException(string.Join("\n", problems));
    }
}
