using System.Globalization;

namespace Vnd.Executor.Tests.Slt;

/// <summary>
/// Compares result rows in .slt text form. Columns typed R (float8, numeric) are compared as numbers rounded to
/// 12 significant digits, so 2.5 equals numeric's 2.5000000000000000 and the last binary digit of a float sum may
/// differ; everything else compares as text. rowsort/valuesort sort both sides after that normalisation.
/// </summary>
public static class SltComparer
{
    public static List<string> Normalize(IEnumerable<string> lines, string types, SltSort sort)
    {
        var rows = lines.Select(l => Row(l, types)).ToList();
        return sort switch
        {
            SltSort.RowSort => rows.Order(StringComparer.Ordinal).ToList(),
            SltSort.ValueSort => rows.SelectMany(r => r.Split('|')).Order(StringComparer.Ordinal).ToList(),
            _ => rows,
        };
    }

    /// <summary>A description of the first difference, or null when the results agree.</summary>
    public static string? Difference(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string types, SltSort sort)
    {
        var e = Normalize(expected, types, sort);
        var a = Normalize(actual, types, sort);
        if (e.SequenceEqual(a))
            return null;
        var width = actual.Count > 0 ? actual[0].Split('|').Length : types.Length;
        if (actual.Count > 0 && width != types.Length)
            return $"expected {types.Length} columns, got {width}";
        return $"expected {e.Count} rows:\n  {string.Join("\n  ", e.Take(30))}\nactual {a.Count} rows:\n  {string.Join("\n  ", a.Take(30))}";
    }

    private static string Row(string line, string types)
    {
        var cells = line.Split('|');
        for (var c = 0; c < cells.Length && c < types.Length; c++)
        {
            if (types[c] == 'R' && double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                cells[c] = Number(d);
        }
        return string.Join("|", cells);
    }

    private static string Number(double d)
    {
        if (d == 0)
            return "0";
        var rounded = double.Parse(d.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return rounded.ToString("R", CultureInfo.InvariantCulture);
    }
}
