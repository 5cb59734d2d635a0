namespace Vnd.Capture.Tests.Support;

/// <summary>
/// A CSV file as the truth scripts write it (tshark <c>-T fields -E quote=d</c>, the capinfos index): a header row,
/// then one record per line, fields separated by commas and optionally double-quoted (<c>""</c> is a quote inside
/// quotes), LF or CRLF line ends, blank lines ignored. The tests' only CSV reader. Every record must have as many
/// fields as the header and an unknown column name throws, so a renamed column or a torn truth file fails the test
/// instead of reading as empty values that would match an absent field.
/// </summary>
public sealed class CsvTable
{
    private readonly string[] _header;
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string[] header, List<string[]> rows)
    {
        _header = header;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (!_columns.TryAdd(header[i], i))
                throw new InvalidDataException($"CSV column '{header[i]}' appears twice");
        }
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != header.Length)
                throw new InvalidDataException($"CSV record {r + 1} has {rows[r].Length} fields, the header {header.Length}");
        }
        Rows = rows;
    }

    /// <summary>The records after the header, in file order.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>The column names in header order.</summary>
    public IReadOnlyList<string> Columns => _header;

    public static CsvTable Load(string path) => Parse(File.ReadAllText(path));

    public static CsvTable Parse(string text)
    {
        var records = CsvRecords.Split(text);
        if (records.Count == 0)
            throw new InvalidDataException("CSV text has no header row");
        return new CsvTable(records[0], records.GetRange(1, records.Count - 1));
    }

    /// <summary>The value of <paramref name="column"/> in <paramref name="row"/>; "" is an empty field.</summary>
    public string Get(string[] row, string column) =>
        _columns.TryGetValue(column, out var i) ? row[i] : throw new KeyNotFoundException($"no CSV column '{column}'");

    public bool Has(string column) => _columns.ContainsKey(column);
}
