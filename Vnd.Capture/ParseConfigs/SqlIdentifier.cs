using System.Collections.Frozen;

namespace Vnd.Capture.ParseConfigs;

/// <summary>
/// Table ids and column names become SQL identifiers that tenants type unquoted in queries, so they
/// must be plain lower-case identifiers (<c>[a-z_][a-z0-9_]*</c>, at most 63 characters as in
/// PostgreSQL) and not a reserved word that would need quoting.
/// </summary>
public static class SqlIdentifier
{
    public const int MaxLength = 63;

    // PostgreSQL's fully reserved key words: an unquoted column named like this cannot be queried.
    private static readonly FrozenSet<string> Reserved = FrozenSet.ToFrozenSet(
    [
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
        "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
        "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
        "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
        "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
        "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
        "session_user", "some", "symmetric", "system_user", "table", "then", "to", "trailing", "true", "union",
        "unique", "user", "using", "variadic", "when", "where", "window", "with",
    ]);

    /// <summary>Lower-cases <paramref name="text"/> and checks it; returns null when valid, else why not.</summary>
    public static string? Check(string text, out string identifier)
    {
        identifier = text.ToLowerInvariant();
        if (identifier.Length == 0)
        {
            return "an identifier cannot be empty";
        }

        if (identifier.Length > MaxLength)
        {
            return $"'{text}' is longer than {MaxLength} characters";
        }

        if (!(char.IsAsciiLetterLower(identifier[0]) || identifier[0] == '_'))
        {
            return $"'{text}' must start with a letter or '_'";
        }

        foreach (var c in identifier)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return $"'{text}' may contain only letters, digits and '_'";
            }
        }

        return Reserved.Contains(identifier) ? $"'{text}' is a reserved SQL word" : null;
    }

    /// <summary>
    /// Turns any name (a trace id, a field name) into a valid identifier: lower case, every other
    /// character replaced by '_', a leading digit prefixed with "t_", reserved words suffixed with "_".
    /// </summary>
    public static string Sanitize(string text)
    {
        var chars = text.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!(char.IsAsciiLetterLower(chars[i]) || char.IsAsciiDigit(chars[i])))
            {
                chars[i] = '_';
            }
        }

        var name = new string(chars);
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            name = "t_" + name;
        }

        if (name.Length > MaxLength)
        {
            name = name[..MaxLength];
        }

        return Reserved.Contains(name) ? name + "_" : name;
    }
}
