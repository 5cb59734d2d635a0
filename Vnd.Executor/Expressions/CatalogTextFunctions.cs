using System.Globalization;
using System.Text;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>quote_ident and pg_size_pretty, with PostgreSQL's exact output (clients show and re-send it).</summary>
internal static class CatalogTextFunctions
{
    private static readonly string[] Units = ["bytes", "kB", "MB", "GB", "TB", "PB"];

    public static Expression? Resolve(string name, IReadOnlyList<Expression> a) => (name, a.Count) switch
    {
        ("quote_ident", 1) => new FunctionExpression(name, SqlType.Text, [TypeUnification.To(a[0], SqlType.Text)], QuoteIdent),
        ("pg_size_pretty", 1) => new FunctionExpression(name, SqlType.Text, [TypeUnification.To(a[0], SqlType.Numeric)], SizePretty),
        ("array_to_string", 2 or 3) => new FunctionExpression(name, SqlType.Text, [.. a.Select(x => TypeUnification.To(x, SqlType.Text))], ArrayToString),
        _ => null,
    };

    private static void QuoteIdent(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows)
    {
        RowKernel.Prepare(args, result);
        foreach (var i in rows)
        {
            if (args[0].IsNull(i))
            {
                result.SetNull(i);
                continue;
            }
            result.SetBytes(i, Encoding.UTF8.GetBytes(QuoteIdent(Encoding.UTF8.GetString(args[0].GetBytes(i)))));
        }
    }

    /// <summary>Quotes unless the name is a lower-case identifier that is not a keyword (quote_identifier in ruleutils.c).</summary>
    public static string QuoteIdent(string name)
    {
        var safe = name.Length > 0 && (name[0] is >= 'a' and <= 'z' or '_');
        foreach (var c in name)
            safe &= c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_';
        if (safe && !Vnd.Planner.Syntax.Lexing.Keywords.Reserved.Contains(name))
            return name;
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// array_to_string over an array in its text form ({a,"b c",NULL}), which is how VND keeps the catalog's array
    /// columns (relacl, datacl, reloptions): elements joined by the separator, NULL elements skipped or, with a
    /// third argument that is not NULL, written as it. Only a NULL array or separator makes the result NULL.
    /// </summary>
    private static void ArrayToString(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows)
    {
        RowKernel.Prepare(args, result);
        foreach (var i in rows)
        {
            if (args[0].IsNull(i) || args[1].IsNull(i))
            {
                result.SetNull(i);
                continue;
            }
            var nullText = args.Length > 2 && !args[2].IsNull(i) ? Encoding.UTF8.GetString(args[2].GetBytes(i)) : null;
            var elements = ArrayText.Elements(Encoding.UTF8.GetString(args[0].GetBytes(i)));
            var joined = string.Join(Encoding.UTF8.GetString(args[1].GetBytes(i)), elements.Select(e => e ?? nullText).Where(e => e is not null));
            result.SetBytes(i, Encoding.UTF8.GetBytes(joined));
        }
    }

    private static void SizePretty(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows)
    {
        RowKernel.Prepare(args, result);
        foreach (var i in rows)
        {
            if (args[0].IsNull(i))
            {
                result.SetNull(i);
                continue;
            }
            result.SetBytes(i, Encoding.UTF8.GetBytes(SizePretty(args[0].Get<decimal>(i))));
        }
    }

    /// <summary>
    /// pg_size_pretty as dbsize.c computes it: bytes below 10240, then each unit keeps one extra bit and switches
    /// while the value is at least 20479 half-units, rounding the last half away from zero.
    /// </summary>
    public static string SizePretty(decimal value)
    {
        var size = (long)Math.Truncate(Math.Clamp(value, long.MinValue, long.MaxValue));
        if (Math.Abs(size) < 10 * 1024)
            return size.ToString(CultureInfo.InvariantCulture) + " bytes";
        size >>= 9;
        var unit = 1;
        while (unit < Units.Length - 1 && Math.Abs(size) >= 20 * 1024 - 1)
        {
            size >>= 10;
            unit++;
        }
        var halfRounded = (size + (size < 0 ? -1 : 1)) / 2;
        return halfRounded.ToString(CultureInfo.InvariantCulture) + " " + Units[unit];
    }
}
