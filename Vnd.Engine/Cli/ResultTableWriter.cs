using System.Text;
using Vnd.Engine.Sessions;
using Vnd.Executor.Expressions;
using Vnd.Planner.Types;

namespace Vnd.Engine.Cli;

/// <summary>
/// Prints a query result the way psql's aligned format does: centred headers, a dashed rule with '+' at column
/// borders, numbers right-aligned, text left-aligned, NULL as empty, and a "(N rows)" footer.
/// </summary>
public static class ResultTableWriter
{
    public static void Write(TextWriter output, QueryResult result)
    {
        var columns = result.Names.Count;
        var cells = new string[result.Rows.Count][];
        var widths = new int[columns];
        for (var c = 0; c < columns; c++)
            widths[c] = result.Names[c].Length;
        for (var r = 0; r < cells.Length; r++)
        {
            cells[r] = new string[columns];
            for (var c = 0; c < columns; c++)
            {
                var value = result.Rows[r][c];
                var text = value is null ? "" : ValueFormatter.Format(value, result.Types[c]);
                cells[r][c] = text;
                widths[c] = Math.Max(widths[c], text.Length);
            }
        }
        var line = new StringBuilder();
        for (var c = 0; c < columns; c++)
        {
            var name = result.Names[c];
            var left = (widths[c] - name.Length) / 2;
            line.Append(c == 0 ? " " : " | ").Append(' ', left).Append(name).Append(' ', widths[c] - name.Length - left);
        }
        output.WriteLine(line.ToString().TrimEnd());
        line.Clear();
        for (var c = 0; c < columns; c++)
            line.Append(c == 0 ? "" : "+").Append('-', widths[c] + 2);
        output.WriteLine(line.ToString());
        foreach (var row in cells)
        {
            line.Clear();
            for (var c = 0; c < columns; c++)
            {
                line.Append(c == 0 ? " " : " | ");
                line.Append(IsNumber(result.Types[c]) ? row[c].PadLeft(widths[c]) : row[c].PadRight(widths[c]));
            }
            output.WriteLine(line.ToString().TrimEnd());
        }
        output.WriteLine(cells.Length == 1 ? "(1 row)" : $"({cells.Length} rows)");
        output.WriteLine();
    }

    private static bool IsNumber(SqlType type) =>
        type.Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Float4 or TypeId.Float8 or TypeId.Numeric or TypeId.Oid;
}
