namespace Vnd.Engine.Tests.Isolation;

/// <summary>
/// The attacker's probes, run as tenant2 ("B") against tenant1 ("A"). In each, <c>{S}</c> is a schema,
/// <c>{T}</c> a table only A has and <c>{P}</c> the table both have; <c>{s}</c>/<c>{t}</c> are the upper-case
/// spellings. Every probe runs twice — naming A's real objects, then objects that exist nowhere — and the two
/// outcomes (rows, or SQLSTATE and message) must be identical once the names are put back as placeholders:
/// whatever B learns about A's objects, B would learn about objects that do not exist.
/// </summary>
public static class IsolationProbes
{
    public static readonly string[] SameAsMissing =
    [
        // Direct references, every spelling.
        "SELECT * FROM {S}.{T}",
        "SELECT count(*) FROM {S}.{T}",
        "SELECT count(*) FROM {S}.{P}",
        "SELECT * FROM \"{S}\".\"{T}\"",
        "SELECT * FROM \"{S}\".\"{P}\"",
        "SELECT * FROM {s}.{t}",
        "SELECT * FROM \"{s}\".\"{T}\"",
        "SELECT * FROM {S} . {T}",
        "SELECT * FROM {S}.{T} LIMIT 0",
        "SELECT * FROM {S}.{T} WHERE false",
        "SELECT ts FROM {S}.{T}",
        "SELECT nosuchcolumn FROM {S}.{T}",
        "SELECT {S}.{T}.ts FROM {S}.{T}",
        "SELECT * FROM vnd.{S}.{T}",
        // Inside other constructs.
        "SELECT (SELECT count(*) FROM {S}.{T})",
        "SELECT count(*) FROM {P} WHERE id IN (SELECT id FROM {S}.{P})",
        "SELECT count(*) FROM {P} WHERE EXISTS (SELECT 1 FROM {S}.{T})",
        "SELECT count(*) FROM {P} WHERE id NOT IN (SELECT id FROM {S}.{P})",
        "SELECT count(*) FROM {P} a JOIN {S}.{P} b ON a.id = b.id",
        "SELECT count(*) FROM {P} a LEFT JOIN {S}.{T} b ON a.id = b.id",
        "SELECT count(*) FROM {P}, {S}.{T}",
        "WITH x AS (SELECT * FROM {S}.{T}) SELECT count(*) FROM x",
        "SELECT id FROM {P} UNION SELECT id FROM {S}.{P}",
        "SELECT id FROM {S}.{P} EXCEPT SELECT id FROM {P}",
        "SELECT * FROM (SELECT * FROM {S}.{T}) d",
        "SELECT count(*) FROM {S}.{T} GROUP BY src_ip HAVING count(*) > 1",
        "SELECT row_number() OVER () FROM {S}.{T}",
        "EXPLAIN SELECT * FROM {S}.{T}",
        "EXPLAIN SELECT count(*) FROM {S}.{P}",
        "EXPLAIN ANALYZE SELECT * FROM {S}.{P}",
        "COPY (SELECT * FROM {S}.{T}) TO STDOUT",
        "COPY {S}.{T} TO STDOUT",
        "CREATE TEMP VIEW v_probe AS SELECT * FROM {S}.{T}",
        "DECLARE c_probe CURSOR FOR SELECT * FROM {S}.{T}",
        "BEGIN; SELECT * FROM {S}.{T}",
        // search_path tricks.
        "SET search_path = {S}; SELECT count(*) FROM {P}",
        "SET search_path = {S}; SELECT count(*) FROM {T}",
        "SET search_path TO '{S}', tenant2; SELECT count(*) FROM {T}",
        "SET search_path = \"{S}\"; SELECT current_schemas(false)",
        "SET search_path = {S}, tenant2; SELECT current_schemas(true)",
        "SET search_path = {S}; SELECT current_schema()",
        "SELECT set_config('search_path', '{S}', false), current_schemas(false)",
        // Catalog lookups by name.
        "SELECT '{S}.{T}'::regclass",
        "SELECT '{S}.{P}'::regclass::oid",
        "SELECT '\"{S}\".\"{T}\"'::regclass",
        "SELECT '{S}'::regnamespace",
        "SELECT count(*) FROM pg_catalog.pg_class WHERE relname = '{T}'",
        "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{S}'",
        "SELECT count(*) FROM pg_catalog.pg_namespace WHERE nspname = '{S}'",
        "SELECT count(*) FROM pg_catalog.pg_namespace WHERE nspname ILIKE '%{S}%'",
        "SELECT count(*) FROM pg_catalog.pg_roles WHERE rolname = '{S}'",
        "SELECT count(*) FROM pg_catalog.pg_user WHERE usename = '{S}'",
        "SELECT count(*) FROM pg_catalog.pg_database WHERE datname = '{S}'",
        "SELECT count(*) FROM information_schema.schemata WHERE schema_name = '{S}'",
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = '{S}'",
        "SELECT count(*) FROM information_schema.tables WHERE table_name = '{T}'",
        "SELECT count(*) FROM information_schema.columns WHERE table_schema = '{S}'",
        "SELECT count(*) FROM information_schema.columns WHERE table_name = '{T}'",
        "SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE usename = '{S}'",
        // Functions taking names.
        "SELECT has_table_privilege('{S}.{T}', 'SELECT')",
        "SELECT has_schema_privilege('{S}', 'USAGE')",
        "SELECT pg_table_size('{S}.{T}')",
        "SELECT pg_table_is_visible('{S}.{T}'::regclass)",
        "SELECT obj_description('{S}.{T}'::regclass, 'pg_class')",
        "SELECT quote_ident('{S}') || '.' || quote_ident('{T}')",
    ];

    /// <summary>Enumerations whose whole output must never mention A or the infrastructure.</summary>
    public static readonly string[] NoLeak =
    [
        "SELECT nspname FROM pg_catalog.pg_namespace",
        "SELECT relname, relnamespace FROM pg_catalog.pg_class",
        "SELECT attrelid, attname FROM pg_catalog.pg_attribute",
        "SELECT rolname FROM pg_catalog.pg_roles",
        "SELECT usename FROM pg_catalog.pg_user",
        "SELECT datname FROM pg_catalog.pg_database",
        "SELECT * FROM pg_catalog.pg_stat_activity",
        "SELECT name, setting FROM pg_catalog.pg_settings",
        "SELECT * FROM information_schema.schemata",
        "SELECT table_schema, table_name FROM information_schema.tables",
        "SELECT table_schema, table_name, column_name FROM information_schema.columns",
        "SELECT version()",
        "SELECT current_database(), current_user, session_user",
        "EXPLAIN SELECT * FROM packets",
        "EXPLAIN ANALYZE SELECT count(*) FROM packets",
        "SELECT * FROM nosuchschema.packets",
    ];
}
