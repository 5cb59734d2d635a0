namespace Vnd.Engine.Catalog.System;

/// <summary>
/// What a session tells the catalog about itself: who is connected to which database, the backend id it reported in
/// BackendKeyData, and its run-time settings (search_path, application_name, …) as SHOW and current_setting read
/// them. The wire session creates one per connection, updates <see cref="Settings"/> on SET/RESET, and hands it to
/// the <see cref="SystemCatalog"/> it binds every statement against. Functions that read it (current_user,
/// current_database(), current_setting, pg_backend_pid(), version()) are folded to constants when a statement is
/// bound, as their value is fixed for the statement.
/// </summary>
public sealed class SessionInfo
{
    /// <summary>What version() and server_version report: PostgreSQL 15 compatible, so psql and Npgsql send PG15's catalog queries.</summary>
    public const string ServerVersion = "15.8 (VND)";

    public const int ServerVersionNumber = 150008;

    public SessionInfo(string database, string user, string schema, int backendPid)
    {
        Database = database;
        User = user;
        Schema = schema;
        BackendPid = backendPid;
        var settings = new SessionSettings();
        settings.Set("search_path", schema);
        settings.Set("session_authorization", user);
        Settings = settings;
    }

    public string Database { get; }

    /// <summary>The role the tenant logged in as (current_user and session_user).</summary>
    public string User { get; }

    /// <summary>The tenant's schema: where its trace tables live, and the only schema besides the built-in ones it sees.</summary>
    public string Schema { get; }

    /// <summary>The process id this session reported in BackendKeyData (pg_backend_pid(), pg_stat_activity.pid).</summary>
    public int BackendPid { get; }

    /// <summary>When the session started (pg_stat_activity.backend_start).</summary>
    public DateTime Started { get; init; } = DateTime.UtcNow;

    /// <summary>The session's settings; a wire session replaces the embedded defaults with its own (<see cref="UseSettings"/>).</summary>
    public ISessionSettings Settings { get; private set; }

    /// <summary>
    /// current_schema(): the first schema of the session's search_path that exists (pg_catalog only when the path
    /// names it), null when none does — as for an admin, whose "$user" names no schema. A wire session answers it
    /// from its resolved path (<see cref="UseCurrentSchema"/>); otherwise it is the tenant's schema.
    /// </summary>
    public string? CurrentSchema => _currentSchema is null ? Schema : _currentSchema();

    private Func<string?>? _currentSchema;

    /// <summary>Makes current_schema() follow the wire session's search_path.</summary>
    public void UseCurrentSchema(Func<string?> currentSchema) => _currentSchema = currentSchema;

    /// <summary>Makes the catalog read and write the wire session's settings, so SET and current_setting agree.</summary>
    public void UseSettings(ISessionSettings settings) => Settings = settings;
}
