using System.Globalization;
using Vnd.Planner.Logical;
using Vnd.Planner.Types;

namespace Vnd.Engine.Catalog.System;

/// <summary>
/// The values a scan of a system relation can only keep in some of its columns, taken from the scan's pushed-down
/// filters: <c>c.oid = '16384'</c>, <c>a.attrelid IN (…)</c>, <c>c.relname ~ '^(t)$'</c> (psql's <c>\d t</c>). A relation
/// then builds only the rows that can pass. The scan still applies every filter exactly on top, so a key only has to
/// admit a superset of the rows the filters keep: one conjunct per column is enough, and anything not understood
/// leaves the column unconstrained.
/// </summary>
public sealed class CatalogScanKeys
{
    private readonly Dictionary<int, HashSet<long>> _numbers = [];
    private readonly Dictionary<int, HashSet<string>> _texts = [];

    /// <summary>A filter is the constant false (a join key set found empty, <see cref="CatalogJoinKeys"/>): no row passes.</summary>
    private bool _none;

    /// <summary>No constraint: every row is built (what a scan without filters, or with pushdown off, gets).</summary>
    public static CatalogScanKeys None { get; } = new();

    /// <summary>The keys of <paramref name="scan"/>'s filters, by the relation's column ordinals.</summary>
    public static CatalogScanKeys From(Scan scan)
    {
        var keys = new CatalogScanKeys();
        foreach (var filter in scan.Filters)
            keys.Add(scan, filter);
        return keys;
    }

    /// <summary>Whether a row whose column <paramref name="column"/> holds <paramref name="value"/> may pass the filters.</summary>
    public bool Admits(int column, long value) => !_none && (!_numbers.TryGetValue(column, out var set) || set.Contains(value));

    /// <inheritdoc cref="Admits(int, long)"/>
    public bool Admits(int column, string value) => !_none && (!_texts.TryGetValue(column, out var set) || set.Contains(value));

    private void Add(Scan scan, BoundExpr filter)
    {
        switch (filter)
        {
            case BoundCall { Kind: CallKind.Operator, Name: "=", Arguments: [var left, var right] }:
                if (!TryKey(scan, left, right))
                    TryKey(scan, right, left);
                break;
            case BoundCall { Kind: CallKind.Operator, Name: "~", Arguments: [BoundColumn column, var pattern] }
                when Macro.TryConstant(pattern, out var value) && value is string regex && ExactName(regex) is { } name
                    && Ordinal(scan, column) is { } ordinal && !_numbers.ContainsKey(ordinal):
                // .NET's $ also matches before a final newline, so a (quoted) name ending in one passes the filter too.
                _texts.TryAdd(ordinal, [name, name + "\n"]);
                break;
            case BoundCall { Kind: CallKind.Operator, Name: "LIKE", Arguments: [BoundColumn column, var pattern] }
                when Macro.TryConstant(pattern, out var value) && value is string like && LikeLiteral(like) is { } name
                    && Ordinal(scan, column) is { } ordinal:
                // pgJDBC's getColumns/getTables: c.relname LIKE 'trace\_a' (it escapes the wildcards of a plain name).
                Constrain(ordinal, column.Type, [name]);
                break;
            case BoundLiteral { Value: false }:
                _none = true;
                break;
            case BoundInList { Negated: false, Operand: BoundColumn column } list when Ordinal(scan, column) is { } ordinal:
                var values = new List<object>();
                foreach (var item in list.Items)
                {
                    if (!Macro.TryConstant(item, out var value) || value is null)
                        return;
                    values.Add(value);
                }
                Constrain(ordinal, column.Type, values);
                break;
        }
    }

    private bool TryKey(Scan scan, BoundExpr column, BoundExpr constant)
    {
        if (column is not BoundColumn c || Ordinal(scan, c) is not { } ordinal || !Macro.TryConstant(constant, out var value) || value is null)
            return false;
        Constrain(ordinal, c.Type, [value]);
        return true;
    }

    /// <summary>
    /// Keys of an integer or OID column (given as int, long or a numeric string literal: psql writes <c>c.oid = '16384'</c>)
    /// or of a text column; a value of any other kind constrains nothing.
    /// </summary>
    private void Constrain(int ordinal, SqlType type, List<object> values)
    {
        if (_numbers.ContainsKey(ordinal) || _texts.ContainsKey(ordinal))
            return;
        if (type.Id is TypeId.Oid or TypeId.Int2 or TypeId.Int4 or TypeId.Int8)
        {
            var numbers = new HashSet<long>();
            foreach (var value in values)
            {
                if (Number(value) is not { } number)
                    return;
                numbers.Add(number);
            }
            _numbers[ordinal] = numbers;
        }
        else if (type.Id == TypeId.Text)
        {
            var texts = new HashSet<string>(StringComparer.Ordinal);
            foreach (var value in values)
            {
                if (value is not string text)
                    return;
                texts.Add(text);
            }
            _texts[ordinal] = texts;
        }
    }

    private static long? Number(object value) => value switch
    {
        int i => i,
        long l => l,
        short s => s,
        string text when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    /// <summary>The relation's column ordinal a filter's column reads.</summary>
    private static int? Ordinal(Scan scan, BoundExpr expr)
    {
        if (expr is not BoundColumn column)
            return null;
        foreach (var c in scan.Columns)
        {
            if (c.Column.Id == column.Id)
                return c.Ordinal;
        }
        return null;
    }

    /// <summary>
    /// The one string a LIKE pattern without wildcards matches: <c>trace\_a</c> is <c>trace_a</c> (backslash, LIKE's
    /// default escape, makes the next character literal); null when an unescaped <c>%</c> or <c>_</c> remains.
    /// </summary>
    private static string? LikeLiteral(string pattern)
    {
        var literal = new global::System.Text.StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var ch = pattern[i];
            if (ch is '%' or '_')
                return null;
            if (ch == '\\')
            {
                if (++i == pattern.Length)
                    return null;
                ch = pattern[i];
            }
            literal.Append(ch);
        }
        return literal.ToString();
    }

    /// <summary>
    /// The one name an anchored pattern psql writes for a plain name matches: <c>^(t1234)$</c> or <c>^t1234$</c> with only
    /// letters, digits and underscores in between (no metacharacter, so the match is that exact string).
    /// </summary>
    private static string? ExactName(string pattern)
    {
        var body = pattern.StartsWith("^(", StringComparison.Ordinal) && pattern.EndsWith(")$", StringComparison.Ordinal) ? pattern[2..^2]
            : pattern.StartsWith('^') && pattern.EndsWith('$') ? pattern[1..^1]
            : null;
        if (string.IsNullOrEmpty(body))
            return null;
        foreach (var ch in body)
        {
            if (!(char.IsAsciiLetterOrDigit(ch) || ch == '_'))
                return null;
        }
        return body;
    }
}
