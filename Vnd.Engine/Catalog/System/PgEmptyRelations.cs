namespace Vnd.Engine.Catalog.System;

/// <summary>
/// pg_catalog relations clients read that are empty in VND because the objects they list do not exist here: trace
/// tables have no indexes, defaults, constraints, comments, inheritance, row security, rules, extended statistics,
/// publications, extensions, enums, ranges or role memberships. They exist so psql's \d, Npgsql's type loading and
/// pgJDBC's metadata queries bind and return what PostgreSQL returns for such tables: no rows.
/// </summary>
internal static class PgEmptyRelations
{
    private const string S = "pg_catalog";

    public static IEnumerable<SystemRelation> All()
    {
        yield return Empty("pg_range", 3541, "rngtypid oid, rngsubtype oid, rngmultitypid oid, rngcollation oid, rngsubopc oid, rngcanonical regproc, rngsubdiff regproc");
        yield return Empty("pg_enum", 3501, "oid oid, enumtypid oid, enumsortorder float4, enumlabel name");
        yield return Empty("pg_auth_members", 1261, "roleid oid, member oid, grantor oid, admin_option bool");
        yield return Empty("pg_index", 2610,
            "indexrelid oid, indrelid oid, indnatts int2, indnkeyatts int2, indisunique bool, indnullsnotdistinct bool, " +
            "indisprimary bool, indisexclusion bool, indimmediate bool, indisclustered bool, indisvalid bool, indcheckxmin bool, " +
            "indisready bool, indislive bool, indisreplident bool, indkey int2vector, indcollation oidvector, indclass oidvector, " +
            "indoption int2vector, indexprs pg_node_tree, indpred pg_node_tree");
        yield return Empty("pg_attrdef", 2604, "oid oid, adrelid oid, adnum int2, adbin pg_node_tree");
        yield return Empty("pg_constraint", 2606,
            "oid oid, conname name, connamespace oid, contype char, condeferrable bool, condeferred bool, convalidated bool, " +
            "conrelid oid, contypid oid, conindid oid, conparentid oid, confrelid oid, confupdtype char, confdeltype char, " +
            "confmatchtype char, conislocal bool, coninhcount int4, connoinherit bool, conkey int2[], confkey int2[], conbin pg_node_tree");
        yield return Empty("pg_description", 2609, "objoid oid, classoid oid, objsubid int4, description text");
        yield return Empty("pg_extension", 3079,
            "oid oid, extname name, extowner oid, extnamespace oid, extrelocatable bool, extversion text, extconfig oid[], extcondition text[]");
        yield return Empty("pg_inherits", 2611, "inhrelid oid, inhparent oid, inhseqno int4, inhdetachpending bool");
        yield return Empty("pg_policy", 3256,
            "oid oid, polname name, polrelid oid, polcmd char, polpermissive bool, polroles oid[], polqual pg_node_tree, polwithcheck pg_node_tree");
        yield return Empty("pg_rewrite", 2618,
            "oid oid, rulename name, ev_class oid, ev_type char, ev_enabled char, is_instead bool, ev_qual pg_node_tree, ev_action pg_node_tree");
        yield return Empty("pg_statistic_ext", 3381,
            "oid oid, stxrelid oid, stxname name, stxnamespace oid, stxowner oid, stxstattarget int4, stxkeys int2vector, stxkind char[], stxexprs pg_node_tree");
        yield return Empty("pg_publication", 6104,
            "oid oid, pubname name, pubowner oid, puballtables bool, pubinsert bool, pubupdate bool, pubdelete bool, pubtruncate bool, pubviaroot bool");
        yield return Empty("pg_publication_rel", 6106, "oid oid, prpubid oid, prrelid oid, prqual pg_node_tree, prattrs int2vector");
        yield return Empty("pg_publication_namespace", 6237, "oid oid, pnpubid oid, pnnspid oid");
        yield return Empty("pg_trigger", 2620, "oid oid, tgrelid oid, tgparentid oid, tgname name, tgfoid oid, tgtype int2, tgenabled char, tgisinternal bool");
    }

    private static SystemRelation Empty(string name, int oid, string columns) => new(S, name, oid, 'r', columns, static _ => []);
}
