using Vnd.Planner.Types;

namespace Vnd.Engine.Catalog.System;

/// <summary>
/// The pg_catalog relations that have rows in VND, with the columns psql, Npgsql, pgJDBC and Grafana read
/// (see shared/docs/pg-clients.md). OIDs of the relations are PostgreSQL's where clients may know them.
/// </summary>
internal static class PgCatalogRelations
{
    private const string S = "pg_catalog";

    public static IEnumerable<SystemRelation> All()
    {
        yield return new(S, "pg_namespace", 2615, 'r', "oid oid, nspname name, nspowner oid, nspacl aclitem[]", Namespaces);
        yield return new(S, "pg_class", 1259, 'r',
            "oid oid, relname name, relnamespace oid, reltype oid, reloftype oid, relowner oid, relam oid, relfilenode oid, " +
            "reltablespace oid, relpages int4, reltuples float4, relallvisible int4, reltoastrelid oid, relhasindex bool, " +
            "relisshared bool, relpersistence char, relkind char, relnatts int2, relchecks int2, relhasrules bool, " +
            "relhastriggers bool, relhassubclass bool, relrowsecurity bool, relforcerowsecurity bool, relispopulated bool, " +
            "relreplident char, relispartition bool, relrewrite oid, relacl aclitem[], reloptions text[], relpartbound pg_node_tree", PgRelationRows.Classes);
        yield return new(S, "pg_attribute", 1249, 'r',
            "attrelid oid, attname name, atttypid oid, attstattarget int4, attlen int2, attnum int2, attndims int4, " +
            "attcacheoff int4, atttypmod int4, attbyval bool, attalign char, attstorage char, attcompression char, " +
            "attnotnull bool, atthasdef bool, atthasmissing bool, attidentity char, attgenerated char, attisdropped bool, " +
            "attislocal bool, attinhcount int4, attcollation oid, attacl aclitem[], attoptions text[], attfdwoptions text[]", PgRelationRows.Attributes);
        yield return new(S, "pg_type", 1247, 'r',
            "oid oid, typname name, typnamespace oid, typowner oid, typlen int2, typbyval bool, typtype char, " +
            "typcategory char, typispreferred bool, typisdefined bool, typdelim char, typrelid oid, typsubscript regproc, " +
            "typelem oid, typarray oid, typinput regproc, typoutput regproc, typreceive regproc, typsend regproc, " +
            "typmodin regproc, typmodout regproc, typanalyze regproc, typalign char, typstorage char, typnotnull bool, " +
            "typbasetype oid, typtypmod int4, typndims int4, typcollation oid, typdefaultbin pg_node_tree, typdefault text, typacl aclitem[]", Types);
        yield return new(S, "pg_proc", 1255, 'r',
            "oid oid, proname name, pronamespace oid, proowner oid, prolang oid, procost float4, prorows float4, " +
            "provariadic oid, prosupport regproc, prokind char, prosecdef bool, proleakproof bool, proisstrict bool, " +
            "proretset bool, provolatile char, proparallel char, pronargs int2, pronargdefaults int2, prorettype oid, " +
            "proargtypes oidvector, proallargtypes oid[], proargmodes char[], proargnames text[], prosrc text, proacl aclitem[]", Procedures);
        yield return new(S, "pg_database", 1262, 'r',
            "oid oid, datname name, datdba oid, encoding int4, datlocprovider char, datistemplate bool, datallowconn bool, " +
            "datconnlimit int4, dattablespace oid, datcollate text, datctype text, daticulocale text, datcollversion text, datacl aclitem[]", Database);
        yield return new(S, "pg_am", 2601, 'r', "oid oid, amname name, amhandler regproc, amtype char", static _ =>
            [[CatalogSnapshot.HeapAccessMethod, "heap", 3, "t"], [403, "btree", 330, "i"]]);
        yield return new(S, "pg_tablespace", 1213, 'r', "oid oid, spcname name, spcowner oid, spcacl aclitem[], spcoptions text[]", static _ =>
            [[1663, "pg_default", CatalogSnapshot.BootstrapRole, null, null], [1664, "pg_global", CatalogSnapshot.BootstrapRole, null, null]]);
        yield return new(S, "pg_collation", 3456, 'r',
            "oid oid, collname name, collnamespace oid, collowner oid, collprovider char, collisdeterministic bool, collencoding int4, collcollate text, collctype text",
            static _ => [Collation(100, "default", "d"), Collation(950, "C", "c"), Collation(951, "POSIX", "c")]);
    }

    private static object?[] Collation(int oid, string name, string provider) =>
        [oid, name, CatalogSnapshot.PgCatalogNamespace, CatalogSnapshot.BootstrapRole, provider, true, -1, name == "default" ? null : name, name == "default" ? null : name];

    private static IEnumerable<object?[]> Namespaces(CatalogSnapshot s)
    {
        foreach (var (oid, name) in s.Namespaces())
            yield return [oid, name, CatalogSnapshot.BootstrapRole, null];
    }

    private static IEnumerable<object?[]> Types(CatalogSnapshot s)
    {
        foreach (var t in PgTypes.All)
        {
            yield return
            [
                t.Oid, t.Name, CatalogSnapshot.PgCatalogNamespace, CatalogSnapshot.BootstrapRole, t.Length, t.ByValue, t.Kind.ToString(),
                t.Category.ToString(), t.Preferred, true, ",", 0, 0,
                t.Element, t.Array, t.Input, t.Input, t.Receive, t.Receive,
                0, 0, 0, t.Length == 8 ? "d" : t.Length is 2 ? "s" : t.Length is 1 or 64 ? "c" : "i", t.ByValue ? "p" : "x", false,
                0, -1, 0, t.Category == 'S' ? 100 : 0, null, null, null,
            ];
        }
    }

    private static IEnumerable<object?[]> Procedures(CatalogSnapshot s)
    {
        foreach (var p in PgProcedures.All)
        {
            yield return
            [
                p.Oid, p.Name, CatalogSnapshot.PgCatalogNamespace, CatalogSnapshot.BootstrapRole, 12, 1f, 0f,
                0, 0, "f", false, false, true,
                false, "i", "s", (short)p.Arguments.Length, (short)0, p.Returns,
                string.Join(' ', p.Arguments), null, null, null, p.Name, null,
            ];
        }
    }

    private static IEnumerable<object?[]> Database(CatalogSnapshot s)
    {
        yield return [CatalogSnapshot.DatabaseOid, s.Session.Database, CatalogSnapshot.BootstrapRole, 6, "c", false, true, -1, 1663, "C", "C", null, null, null];
    }
}
