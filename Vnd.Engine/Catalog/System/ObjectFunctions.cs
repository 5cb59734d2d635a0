using Vnd.Planner.Catalog;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Engine.Catalog.System;

/// <summary>
/// Functions over catalog objects that clients call per row (pg_table_is_visible(c.oid), format_type(atttypid,
/// atttypmod), pg_get_userbyid(relowner), pg_table_size(oid), …). They are look-ups over the snapshot's finite
/// object sets, expanded at bind time (see <see cref="Macro.Lookup{TKey}"/>), so they only ever see the tenant's
/// objects. Objects VND does not have (indexes, constraints, comments, SQL-defined views) yield NULL, as PostgreSQL
/// does for an OID with no such object.
/// </summary>
internal static class ObjectFunctions
{
    private static readonly SqlType T = SqlType.Text, O = SqlType.Oid, B = SqlType.Bool, I = SqlType.Int4;

    public static IEnumerable<FunctionSignature> For(Func<CatalogSnapshot> snapshot)
    {
        yield return Fn("pg_table_is_visible", [O], B, a => Macro.Lookup(a[0],
            snapshot().Relations.Select(r => (r.Oid, (object?)(r.Schema != "information_schema"))), B));
        yield return Fn("pg_type_is_visible", [O], B, a => Macro.Lookup(a[0], PgTypes.All.Select(t => (t.Oid, (object?)true)), B));
        yield return Fn("pg_function_is_visible", [O], B, a => Macro.Lookup(a[0], PgProcedures.All.Select(p => (p.Oid, (object?)true)), B));
        yield return Fn("pg_get_function_result", [O], T, a => Macro.Lookup(a[0],
            PgProcedures.All.Select(p => (p.Oid, (object?)PgTypes.Find(p.Returns)?.FormatName)), T));
        foreach (var name in (string[])["pg_get_function_arguments", "pg_get_function_identity_arguments"])
            yield return Fn(name, [O], T, a => Macro.Lookup(a[0], PgProcedures.All.Select(p => (p.Oid, (object?)p.ArgumentText)), T));
        yield return Fn("format_type", [O, I], T, a => Macro.Lookup(a[0], PgTypes.All.Select(t => (t.Oid, (object?)t.FormatName)), T, Macro.Constant("???", T)));
        yield return Fn("pg_get_userbyid", [O], T, a => Macro.Lookup(a[0], [(CatalogSnapshot.BootstrapRole, (object?)snapshot().Session.User)], T,
            new BoundCall("concat(text,...)", "concat", CallKind.Function, [Macro.Constant("unknown (OID=", T), new BoundCast(a[0], T), Macro.Constant(")", T)], T)));
        // VND keeps expressions as their SQL text, so pg_get_expr of a stored expression is that text.
        yield return Fn("pg_get_expr", [T, O], T, a => a[0]);
        yield return Fn("pg_get_expr", [T, O, B], T, a => a[0]);
        foreach (var name in (string[])["pg_get_viewdef", "pg_get_indexdef", "pg_get_constraintdef", "obj_description"])
        {
            yield return Fn(name, [O], T, _ => Macro.Constant(null, T));
            yield return Fn(name, [O, name == "obj_description" ? T : B], T, _ => Macro.Constant(null, T));
        }
        yield return Fn("pg_get_indexdef", [O, I, B], T, _ => Macro.Constant(null, T));
        // psql 15's \d: trace tables have no extended statistics objects, and PostgreSQL gives NULL for an unknown OID.
        yield return Fn("pg_get_statisticsobjdef_columns", [O], T, _ => Macro.Constant(null, T));
        yield return Fn("col_description", [O, I], T, _ => Macro.Constant(null, T));
        yield return Fn("shobj_description", [O, T], T, _ => Macro.Constant(null, T));
        foreach (var name in (string[])["pg_table_size", "pg_relation_size", "pg_total_relation_size"])
        {
            yield return Fn(name, [O], SqlType.Int8, a => Macro.Lookup(a[0],
                snapshot().Relations.Select(r => (r.Oid, (object?)(r.Statistics?.ByteSize ?? 0L))), SqlType.Int8));
        }
        // Only the tenant's own trace tables could be published; system relations never are.
        yield return Fn("pg_relation_is_publishable", [O], B, a => Macro.Lookup(a[0],
            snapshot().Relations.Select(r => (r.Oid, (object?)(r.Schema != "pg_catalog" && r.Schema != "information_schema"))), B));
        yield return Fn("pg_indexes_size", [O], SqlType.Int8, a => Macro.Lookup(a[0], snapshot().Relations.Select(r => (r.Oid, (object?)0L)), SqlType.Int8));
        // Trace tables are immutable (information_schema.columns says is_updatable NO): Npgsql's KeyInfo asks per column.
        yield return Fn("pg_column_is_updatable", [O, SqlType.Int2, B], B, _ => Macro.Constant(false, B));
        yield return Fn("pg_relation_is_updatable", [O, B], I, _ => Macro.Constant(0, I));
        yield return Fn("pg_encoding_to_char", [I], T, a => Macro.Lookup(a[0], [(6, (object?)"UTF8")], T, Macro.Constant("", T)));
        foreach (var name in (string[])["has_table_privilege", "has_schema_privilege", "has_database_privilege", "has_column_privilege",
                     "has_function_privilege", "has_any_column_privilege", "has_sequence_privilege", "has_type_privilege"])
        {
            // A tenant holds every privilege VND grants (read) on everything it can name; others' objects cannot be named.
            foreach (SqlList<SqlType> parameters in (SqlList<SqlType>[])[[T, T], [O, T], [T, T, T], [T, O, T], [O, I, T], [T, T, T, T], [O, T, T]])
                yield return Fn(name, parameters, B, _ => Macro.Constant(true, B));
        }
    }

    private static FunctionSignature Fn(string name, SqlList<SqlType> parameters, SqlType returns, Func<SqlList<BoundExpr>, BoundExpr> expand) =>
        new(name, FunctionKind.Scalar, parameters, returns) { Expand = expand };
}
