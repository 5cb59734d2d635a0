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
        var whens = new List<BoundWhen>();
        foreach (var (k, v) in entries)
            whens.Add(new BoundWhen(BoundCall.Operator("=", SqlType.Bool, key, Constant(k, key.Type)), Constant(v, result)));
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
