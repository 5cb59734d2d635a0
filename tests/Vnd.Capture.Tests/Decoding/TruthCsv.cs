namespace Vnd.Capture.Tests.Decoding;

/// <summary>A tshark <c>-T fields -E quote=d</c> CSV: header row, then one row per frame, values in double quotes.</summary>
public sealed class TruthCsv
{
    private readonly Dictionary<string, int> _columns;

    private TruthCsv(string[] header, List<string[]> rows)
    {
        _columns = header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
        Rows = rows;
    }

    public IReadOnlyList<string[]> Rows { get; }

    public IEnumerable<string> Columns => _columns.Keys;

    public static TruthCsv Load(string path)
    {
        var lines = File.ReadAllLines(path);
        return new TruthCsv(Split(lines[0]), lines.Skip(1).Where(l => l.Length > 0).Select(Split).ToList());
    }

    public string Get(string[] row, string column) => _columns.TryGetValue(column, out var i) && i < row.Length ? row[i] : "";

    public bool Has(string column) => _columns.ContainsKey(column);

    private static string[] Split(string line)
    {
        var values = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                    quoted = false;
                else
                    current.Append(c);
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
            {
                values.Add(current.ToString());
                current.Clear();
            }
            else
                current.Append(c);
        }
        values.Add(current.ToString());
        return [.. values];
    }
}
