using System.Text;

namespace Vnd.Capture.Tests.Support;

/// <summary>Splits CSV text into records of fields (RFC 4180 quoting; a quoted field may hold commas and newlines).</summary>
internal static class CsvRecords
{
    public static List<string[]> Split(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        // A line with no character at all is blank and skipped; a line holding "" is one empty field.
        var lineHasContent = false;
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
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    lineHasContent = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    lineHasContent = true;
                    break;
                case '\n':
                    if (lineHasContent)
                        EndRecord(records, fields, field);
                    lineHasContent = false;
                    break;
                case '\r':
                    break;
                default:
                    field.Append(c);
                    lineHasContent = true;
                    break;
            }
        }
        if (quoted)
            throw new InvalidDataException("CSV text ends inside a quoted field");
        if (lineHasContent)
            EndRecord(records, fields, field);
        return records;
    }

    private static void EndRecord(List<string[]> records, List<string> fields, StringBuilder field)
    {
        fields.Add(field.ToString());
        field.Clear();
        records.Add([.. fields]);
        fields.Clear();
    }
}
