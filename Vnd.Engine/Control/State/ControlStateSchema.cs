using Microsoft.Data.Sqlite;

namespace Vnd.Engine.Control.State;

/// <summary>
/// The control state's SQL schema as numbered migrations. A database records the last step applied in
/// <c>schema_version</c>; opening it applies the missing steps in one transaction, so an older file is upgraded
/// in place and a crash mid-upgrade leaves the old version intact. Steps are append-only: never edit a shipped one.
/// </summary>
internal static class ControlStateSchema
{
    private static readonly string[] Steps =
    [
        // 1: diagnoses and where their trace tables live.
        """
        CREATE TABLE diagnoses (
            tenant TEXT NOT NULL,
            name TEXT NOT NULL,
            state TEXT NOT NULL,
            collection_config TEXT NOT NULL,
            parse_config TEXT NOT NULL,
            policy_json TEXT NOT NULL,
            created TEXT NOT NULL,
            PRIMARY KEY (tenant, name));
        CREATE TABLE trace_tables (
            tenant TEXT NOT NULL,
            diagnosis TEXT NOT NULL,
            capture_point TEXT NOT NULL,
            table_id TEXT NOT NULL,
            hypervisor TEXT NOT NULL,
            table_server TEXT NOT NULL,
            table_name TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            PRIMARY KEY (tenant, table_name),
            FOREIGN KEY (tenant, diagnosis) REFERENCES diagnoses (tenant, name) ON DELETE CASCADE);
        """,
        // 2: offline captures attached to capture points (added after diagnoses existed: shows an upgrade step).
        """
        CREATE TABLE attached_captures (
            tenant TEXT NOT NULL,
            diagnosis TEXT NOT NULL,
            capture_point TEXT NOT NULL,
            file TEXT NOT NULL,
            packets INTEGER NOT NULL,
            bytes INTEGER NOT NULL,
            attached TEXT NOT NULL,
            FOREIGN KEY (tenant, diagnosis) REFERENCES diagnoses (tenant, name) ON DELETE CASCADE);
        CREATE INDEX attached_captures_by_diagnosis ON attached_captures (tenant, diagnosis);
        """,
        // 3: what imports counted per trace table (packets read, records lost, decode errors). Tables imported before
        // this step have no row: their statistics are unknown (NULL in vnd.diagnoses), not zero.
        """
        CREATE TABLE capture_statistics (
            tenant TEXT NOT NULL,
            table_name TEXT NOT NULL,
            packets_read INTEGER NOT NULL,
            packets_dropped INTEGER NOT NULL,
            decode_errors INTEGER NOT NULL,
            PRIMARY KEY (tenant, table_name));
        """,
    ];

    /// <summary>The version a fully migrated database has.</summary>
    public static int CurrentVersion => Steps.Length;

    /// <summary>Brings the database to <see cref="CurrentVersion"/>; refuses a newer file it does not understand.</summary>
    public static void Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT max(version) FROM schema_version";
        var version = read.ExecuteScalar() is long v ? (int)v : 0;
        if (version > CurrentVersion)
            throw new InvalidOperationException(
                $"control state {connection.DataSource} has schema version {version}; this vnd understands up to {CurrentVersion}");
        for (var step = version; step < Steps.Length; step++)
        {
            Execute(connection, transaction, Steps[step]);
            Execute(connection, transaction, $"INSERT INTO schema_version (version) VALUES ({step + 1})");
        }
        transaction.Commit();
    }

    /// <summary>The versions recorded, oldest first (tests check the upgrade path).</summary>
    public static IReadOnlyList<int> AppliedVersions(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version ORDER BY version";
        using var reader = command.ExecuteReader();
        var versions = new List<int>();
        while (reader.Read())
            versions.Add(reader.GetInt32(0));
        return versions;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
