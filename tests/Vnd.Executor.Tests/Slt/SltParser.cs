namespace Vnd.Executor.Tests.Slt;

/// <summary>
/// Reads .slt files: records separated by blank lines, <c># comments</c> on their own lines, the SQL of a record
/// on the lines after its header up to <c>----</c> (queries) or the blank line (statements).
/// </summary>
public static class SltParser
{
    public static List<SltRecord> Parse(string file) => Parse(file, File.ReadAllLines(file));

    public static List<SltRecord> Parse(string file, string[] lines)
    {
        var records = new List<SltRecord>();
        string? skip = null;
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                i++;
                continue;
            }
            if (line.StartsWith("skipif vnd", StringComparison.Ordinal))
            {
                var hash = line.IndexOf('#', StringComparison.Ordinal);
                skip = hash < 0 ? "skipped" : line[(hash + 1)..].Trim();
                i++;
                continue;
            }
            var header = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var start = i + 1;
            var sql = new List<string>();
            i++;
            while (i < lines.Length && lines[i].Trim().Length > 0 && lines[i].Trim() != "----")
                sql.Add(lines[i++]);
            var text = string.Join("\n", sql);
            if (header[0] == "statement" && header.Length >= 2)
            {
                var error = header[1] == "error" ? (header.Length > 2 ? header[2] : "") : null;
                if (header[1] is not ("ok" or "error"))
                    throw new FormatException($"{file}:{start}: statement ok|error expected");
                records.Add(new SltRecord(file, start, text, null, SltSort.NoSort, error, [], skip));
            }
            else if (header[0] == "query" && header.Length >= 2)
            {
                var sort = header.Length > 2 ? header[2] switch
                {
                    "rowsort" => SltSort.RowSort,
                    "valuesort" => SltSort.ValueSort,
                    "nosort" => SltSort.NoSort,
                    _ => throw new FormatException($"{file}:{start}: unknown sort mode {header[2]}"),
                } : SltSort.NoSort;
                var expected = new List<string>();
                if (i < lines.Length && lines[i].Trim() == "----")
                {
                    i++;
                    while (i < lines.Length && lines[i].Length > 0)
                        expected.Add(lines[i++]);
                }
                records.Add(new SltRecord(file, start, text, header[1], sort, null, expected, skip));
            }
            else
            {
                throw new FormatException($"{file}:{start - 1}: unknown record '{line}'");
            }
            skip = null;
        }
        return records;
    }
}
