using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Engine.Catalog.System;

/// <summary>
/// Building blocks for catalog functions expanded at bind time: a constant, or a look-up of the argument in a small
/// table the catalog knows (folded when the argument is a literal, otherwise a CASE the executor evaluates per row).
/// </summary>
internal static class Macro
{
    public static BoundLiteral Constant(object? value, SqlType type) => new(value, type);

    /// <summary>The literal value of an argument, or false when it is computed per row.</summary>
    public static bool TryConstant(BoundExpr argument, out object? value)
    {
        switch (argument)
        {
            case BoundLiteral literal:
                value = literal.Value;
                return true;
            case BoundCast { Operand: BoundLiteral literal }:
                value = literal.Value;
                return true;
            default:
                value = null;
                return false;
        }
    }

    /// <summary>
    /// <paramref name="key"/> mapped through <paramref name="entries"/> (compared with =); keys absent from it give
    /// <paramref name="otherwise"/> (null: SQL NULL).
    /// </summary>
    public static BoundExpr Lookup<TKey>(BoundExpr key, IEnumerable<(TKey Key, object? Value)> entries, SqlType result, BoundExpr? otherwise = null)
        where TKey : notnull
    {
        var fallback = otherwise ?? Constant(null, result);
        if (TryConstant(key, out var constant))
        {
            if (constant is null)
                return Constant(null, result);
            foreach (var (k, v) in entries)
            {
                if (Equals(Normalize(k), Normalize(constant)))
                    return Constant(v, result);
            }
            return fallback;
        }
        return Grouped(key, entries, result, fallback);
    }

    /// <summary>
    /// A per-row look-up as a CASE with one hashed IN list per distinct value (<c>WHEN key IN (oids of visible
    /// relations) THEN true …</c>), not one WHEN per entry: pg_table_is_visible(c.oid) over thousands of tables was
    /// a CASE of thousands of comparisons for every row. Keys keep their first entry, as the WHEN order would.
    /// </summary>
    private static BoundExpr Grouped<TKey>(BoundExpr key, IEnumerable<(TKey Key, object? Value)> entries, SqlType result, BoundExpr fallback)
        where TKey : notnull
    {
        var seen = new HashSet<object>();
        var groups = new List<(object? Value, List<BoundExpr> Keys)>();
        var groupOf = new Dictionary<object, int>();
        var nullGroup = -1;
        foreach (var (k, v) in entries)
        {
            if (!seen.Add(Normalize(k)))
                continue;
            var index = v is null ? nullGroup : groupOf.GetValueOrDefault(v, -1);
            if (index < 0)
            {
                index = groups.Count;
                groups.Add((v, []));
                if (v is null)
                    nullGroup = index;
                else
                    groupOf[v] = index;
            }
            groups[index].Keys.Add(Constant(k, key.Type));
        }
        var whens = new List<BoundWhen>(groups.Count);
        foreach (var (value, keys) in groups)
            whens.Add(new BoundWhen(new BoundInList(key, SqlList.From(keys), Negated: false), Constant(value, result)));
        return whens.Count == 0 ? fallback : new BoundCase(SqlList.From(whens), fallback, result);
    }

    /// <summary>OIDs arrive as int, long or text-typed literals ('16393'::oid); compare them as numbers.</summary>
    private static object Normalize(object value) => value switch
    {
        int i => (long)i,
        short s => (long)s,
        string text when long.TryParse(text, out var n) => n,
        _ => value,
    };
}
