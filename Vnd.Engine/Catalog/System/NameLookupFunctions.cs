using Vnd.Planner.Catalog;
using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Engine.Catalog.System;

/// <summary>
/// Text to OID by name: regclass(text) (what 'pg_class'::regclass binds to), regtype, regproc, regnamespace,
/// regrole, and the to_reg* forms that give NULL instead of an error. Names are parsed as SQL identifiers
/// (unquoted parts lower-cased, "quoted" kept, schema-qualified or searched in pg_catalog then the tenant's schema).
/// </summary>
internal static class NameLookupFunctions
{
    public static IEnumerable<FunctionSignature> For(Func<CatalogSnapshot> snapshot)
    {
        foreach (var strict in (bool[])[true, false])
        {
            var prefix = strict ? "" : "to_";
            yield return Fn(prefix + "regclass", strict, "42P01", "relation", a => Relations(snapshot(), a));
            yield return Fn(prefix + "regtype", strict, "42704", "type", _ => Types());
            yield return Fn(prefix + "regproc", strict, "42883", "function", _ => Procedures());
            yield return Fn(prefix + "regnamespace", strict, "3F000", "schema", _ => snapshot().Namespaces().Select(n => (n.Name, (object?)n.Oid)));
            yield return Fn(prefix + "regrole", strict, "42704", "role", _ => [(snapshot().Session.User, (object?)CatalogSnapshot.BootstrapRole)]);
        }
    }

    private static FunctionSignature Fn(string name, bool strict, string sqlState, string kind, Func<BoundExpr, IEnumerable<(string Name, object? Oid)>> names) =>
        new(name, FunctionKind.Scalar, [SqlType.Text], SqlType.Oid)
        {
            Expand = a =>
            {
                if (Macro.TryConstant(a[0], out var value) && value is string text)
                {
                    var key = Normalize(text);
                    foreach (var (candidate, oid) in names(a[0]))
                    {
                        if (candidate == key)
                            return Macro.Constant(oid, SqlType.Oid);
                    }
                    return strict ? throw new SqlException(sqlState, $"{kind} \"{text}\" does not exist") : Macro.Constant(null, SqlType.Oid);
                }
                // Per-row names are compared in their normalised spelling; the catalog's names are already normalised.
                return Macro.Lookup(a[0], names(a[0]), SqlType.Oid);
            },
        };

    /// <summary>Relations by bare name (visible ones) and by schema-qualified name.</summary>
    private static IEnumerable<(string, object?)> Relations(CatalogSnapshot snapshot, BoundExpr _)
    {
        foreach (var r in snapshot.Relations)
        {
            if (r.Schema != "information_schema")
                yield return (r.Name, r.Oid);
            yield return (r.Schema + "." + r.Name, r.Oid);
        }
    }

    private static IEnumerable<(string, object?)> Types()
    {
        foreach (var t in PgTypes.All)
        {
            yield return (t.Name, t.Oid);
            yield return ("pg_catalog." + t.Name, t.Oid);
            if (t.FormatName != t.Name)
                yield return (t.FormatName, t.Oid);
        }
    }

    private static IEnumerable<(string, object?)> Procedures()
    {
        foreach (var p in PgProcedures.All)
        {
            yield return (p.Name, p.Oid);
            yield return ("pg_catalog." + p.Name, p.Oid);
        }
    }

    /// <summary>An identifier chain as the parser would fold it: pg_catalog.PG_CLASS → pg_catalog.pg_class, "T" → T.</summary>
    public static string Normalize(string text)
    {
        var parts = new List<string>();
        var i = 0;
        while (i <= text.Length)
        {
            var part = new global::System.Text.StringBuilder();
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (i < text.Length && !(text[i] == '"' && (i + 1 >= text.Length || text[i + 1] != '"')))
                {
                    part.Append(text[i]);
                    i += text[i] == '"' ? 2 : 1;
                }
                i++;
            }
            else
            {
                while (i < text.Length && text[i] != '.')
                    part.Append(char.ToLowerInvariant(text[i++]));
            }
            parts.Add(part.ToString().Trim());
            i++;
        }
        return string.Join('.', parts);
    }
}
