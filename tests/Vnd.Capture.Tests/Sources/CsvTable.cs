namespace Vnd.Capture.Tests.Sources;

/// <summary>A CSV file as written by tshark/capinfos scripts: header row, double-quoted fields, commas.</summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(Dictionary<string, int> columns, List<string[]> rows)
    {
        _columns = columns;
        Rows = rows;
    }

    public List<string[]> Rows { get; }

    public string Get(string[] row, string column) => row[_columns[column]];

    public static CsvTable Load(string path)
    {
        var lines = ParseRecords(File.ReadAllText(path));
        var columns = new Dictionary<string, int>();
        for (var i = 0; i < lines[0].Length; i++)
            columns[lines[0][i]] = i;
        return new CsvTable(columns, lines.GetRange(1, lines.Count - 1));
    }

    private static List<string[]> ParseRecords(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                    quoted = false;
                else
                    field.Append(c);
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else if (c != '\r')
                field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }
        return records;
    }
}
