namespace Vnd.Engine.Catalog.System;

/// <summary>
/// pg_catalog relations about the session rather than the data: the one role a tenant logs in as (shown with the
/// bootstrap OID 10 that owns everything it sees, so ownership never names another tenant's role), its settings and
/// its own backends in pg_stat_activity.
/// </summary>
internal static class PgSessionRelations
{
    private const string S = "pg_catalog";

    public static IEnumerable<SystemRelation> All()
    {
        yield return new(S, "pg_roles", 12001, 'v',
            "rolname name, rolsuper bool, rolinherit bool, rolcreaterole bool, rolcreatedb bool, rolcanlogin bool, " +
            "rolreplication bool, rolconnlimit int4, rolpassword text, rolvaliduntil timestamptz, rolbypassrls bool, rolconfig text[], oid oid",
            static s => [[s.Session.User, false, true, false, false, true, false, -1, "********", null, false, null, CatalogSnapshot.BootstrapRole]]);
        yield return new(S, "pg_user", 12002, 'v',
            "usename name, usesysid oid, usecreatedb bool, usesuper bool, userepl bool, usebypassrls bool, passwd text, valuntil timestamptz, useconfig text[]",
            static s => [[s.Session.User, CatalogSnapshot.BootstrapRole, false, false, false, false, "********", null, null]]);
        yield return new(S, "pg_settings", 12003, 'v',
            "name text, setting text, unit text, category text, short_desc text, extra_desc text, context text, vartype text, " +
            "source text, min_val text, max_val text, enumvals text[], boot_val text, reset_val text, sourcefile text, sourceline int4, pending_restart bool",
            Settings);
        yield return new(S, "pg_stat_activity", 12004, 'v',
            "datid oid, datname name, pid int4, leader_pid int4, usesysid oid, usename name, application_name text, " +
            "client_addr inet, client_hostname text, client_port int4, backend_start timestamptz, xact_start timestamptz, " +
            "query_start timestamptz, state_change timestamptz, wait_event_type text, wait_event text, state text, " +
            "backend_xid xid, backend_xmin xid, query_id int8, query text, backend_type text", Activity);
    }

    private static IEnumerable<object?[]> Settings(CatalogSnapshot s)
    {
        foreach (var (name, value, description) in s.Session.Settings.All())
        {
            yield return [name, value, null, "Client Connection Defaults", description, null, "user", "string",
                "session", null, null, null, value, value, null, null, false];
        }
    }

    private static IEnumerable<object?[]> Activity(CatalogSnapshot s)
    {
        foreach (var session in s.Sessions)
        {
            yield return [CatalogSnapshot.DatabaseOid, session.Database, session.BackendPid, null, CatalogSnapshot.BootstrapRole,
                session.User, session.Settings.Get("application_name") ?? "", null, null, -1, session.Started, null,
                null, null, null, null, session == s.Session ? "active" : "idle", null, null, null, "", "client backend"];
        }
    }
}
