using System.Collections.Frozen;

namespace Vnd.Planner.Syntax.Lexing;

/// <summary>
/// PostgreSQL's keyword categories (src/include/parser/kwlist.h) that restrict where a bare word may be a name.
/// Words outside these sets are ordinary identifiers even when the grammar also uses them as keywords.
/// </summary>
public static class Keywords
{
    /// <summary>RESERVED_KEYWORD: never a column, table, function or type name unless quoted.</summary>
    public static readonly FrozenSet<string> Reserved = FrozenSet.ToFrozenSet(
    [
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
        "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
        "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
        "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
        "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
        "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
        "session_user", "some", "symmetric", "table", "then", "to", "trailing", "true", "union", "unique", "user",
        "using", "variadic", "when", "where", "window", "with",
    ]);

    /// <summary>TYPE_FUNC_NAME_KEYWORD: may name a function or type, never a column or a bare alias.</summary>
    public static readonly FrozenSet<string> TypeFuncName = FrozenSet.ToFrozenSet(
    [
        "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
        "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
        "right", "similar", "tablesample", "verbose",
    ]);

    /// <summary>True when an unquoted word may stand as a column, table or alias name (ColId).</summary>
    public static bool IsColumnName(string word) => !Reserved.Contains(word) && !TypeFuncName.Contains(word);

    /// <summary>True when an unquoted word may name a function (type_function_name).</summary>
    public static bool IsFunctionName(string word) => !Reserved.Contains(word);
}
