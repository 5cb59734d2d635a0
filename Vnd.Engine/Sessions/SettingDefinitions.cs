using System.Collections.Frozen;

namespace Vnd.Engine.Sessions;

/// <summary>The settings VND knows, keyed case-insensitively as PostgreSQL looks GUC names up.</summary>
public static class SettingDefinitions
{
    public static readonly string ServerVersionNumber = Catalog.System.SessionInfo.ServerVersionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static FrozenDictionary<string, SettingDefinition> Known { get; } = new SettingDefinition[]
    {
        new("application_name", "", SettingKind.Free, Reported: true, "Sets the application name to be reported in statistics and logs."),
        new("search_path", "\"$user\", public", SettingKind.SearchPath, Description: "Sets the schema search order for names that are not schema-qualified."),
        new("statement_timeout", "0", SettingKind.Duration, Description: "Sets the maximum allowed duration of any statement."),
        new("lock_timeout", "0", SettingKind.Duration, Description: "Sets the maximum allowed duration of any wait for a lock."),
        new("idle_in_transaction_session_timeout", "0", SettingKind.Duration, Description: "Sets the maximum allowed idle time between queries, when in a transaction."),
        new("idle_session_timeout", "0", SettingKind.Duration, Description: "Sets the maximum allowed idle time between queries, when not in a transaction."),
        // PostgreSQL spills temporary tables past temp_buffers to disk; VND keeps them in memory, so here it is a
        // hard per-session limit (53200 beyond it), with a default sized for query results rather than 8MB.
        new("temp_buffers", "256MB", SettingKind.Memory, Description: "Sets the maximum memory of the temporary tables of each session."),
        new("extra_float_digits", "1", SettingKind.FloatDigits, Description: "Sets the number of digits displayed for floating-point values."),
        new("DateStyle", "ISO, MDY", SettingKind.DateStyle, Reported: true, "Sets the display format for date and time values."),
        new("TimeZone", "UTC", SettingKind.TimeZone, Reported: true, "Sets the time zone for displaying and interpreting time stamps."),
        new("client_encoding", "UTF8", SettingKind.ClientEncoding, Reported: true, "Sets the client's character set encoding."),
        new("IntervalStyle", "postgres", SettingKind.Fixed, Reported: true, "Sets the display format for interval values."),
        new("standard_conforming_strings", "on", SettingKind.Fixed, Reported: true, "Causes '...' strings to treat backslashes literally."),
        new("bytea_output", "hex", SettingKind.Fixed, Description: "Sets the output format for bytea."),
        new("default_transaction_isolation", "read committed", SettingKind.Free, Description: "Sets the transaction isolation level of each new transaction."),
        new("transaction_isolation", "read committed", SettingKind.Free, Description: "Sets the current transaction's isolation level."),
        new("default_transaction_read_only", "off", SettingKind.Free, Reported: true, "Sets the default read-only status of new transactions."),
        new("transaction_read_only", "off", SettingKind.Free, Description: "Sets the current transaction's read-only status."),
        new("lc_messages", "C", SettingKind.Free, Description: "Sets the language in which messages are displayed."),
        new("lc_monetary", "C", SettingKind.Free, Description: "Sets the locale for formatting monetary amounts."),
        new("lc_numeric", "C", SettingKind.Free, Description: "Sets the locale for formatting numbers."),
        new("lc_time", "C", SettingKind.Free, Description: "Sets the locale for formatting date and time values."),
        new("row_security", "on", SettingKind.Free, Description: "Enable row security."),
        new("jit", "off", SettingKind.Free, Description: "Allow JIT compilation."),
        new("synchronous_commit", "on", SettingKind.Free, Description: "Sets the current transaction's synchronization level."),
        new("client_min_messages", "notice", SettingKind.Free, Description: "Sets the message levels that are sent to the client."),
        // VND's own: restricts the distributed planner's strategy for joins across capture points, for measuring
        // one strategy against another (bench distributed); auto is the cost-based choice.
        new("vnd.join_strategy", "auto", SettingKind.JoinStrategy,
            Description: "Sets the strategy of joins across capture points: auto, ship_smaller, ship_both, semijoin_reduction, bloom_filter or set_reconciliation."),
        new("server_version", Catalog.System.SessionInfo.ServerVersion, SettingKind.ReadOnly, Reported: true, "Shows the server version."),
        new("server_version_num", ServerVersionNumber, SettingKind.ReadOnly, Description: "Shows the server version as an integer."),
        new("server_encoding", "UTF8", SettingKind.ReadOnly, Reported: true, "Shows the server (database) character set encoding."),
        new("integer_datetimes", "on", SettingKind.ReadOnly, Reported: true, "Shows whether datetimes are integer based."),
        new("max_identifier_length", "63", SettingKind.ReadOnly, Description: "Shows the maximum identifier length."),
        new("max_index_keys", "32", SettingKind.ReadOnly, Description: "Shows the maximum number of index keys."),
        new("lc_collate", "C", SettingKind.ReadOnly, Description: "Shows the collation order locale."),
        new("lc_ctype", "C", SettingKind.ReadOnly, Description: "Shows the character classification and case conversion locale."),
        new("block_size", "8192", SettingKind.ReadOnly, Description: "Shows the size of a disk block."),
        new("in_hot_standby", "off", SettingKind.ReadOnly, Reported: true, "Shows whether hot standby is currently active."),
        new("is_superuser", "off", SettingKind.ReadOnly, Reported: true, "Shows whether the current user is a superuser."),
        new("session_authorization", "", SettingKind.ReadOnly, Reported: true, "Sets the session user name."),
    }.ToFrozenDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
}
