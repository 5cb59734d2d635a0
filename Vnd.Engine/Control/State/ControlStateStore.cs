using System.Globalization;
using Microsoft.Data.Sqlite;
using Vnd.Engine.Control.Diagnoses;
using Vnd.Engine.Control.Policy;
using Vnd.Executor.Storage;

namespace Vnd.Engine.Control.State;

/// <summary>
/// The control server's durable state (issue 5 item 5): tenants' diagnoses, their configurations, collection
/// policies (JSON), states, trace-table locations and attached captures, in one SQLite file
/// (<c>control.db</c>) of a directory. SQLite rather than a JSON manifest: one diagnosis is several records that
/// must appear or vanish together (a transaction, not a rename per file), the CLI and a server may read while
/// another writes (WAL gives concurrent readers and one writer across processes), and a crash mid-write leaves
/// the last committed state (journal + fsync at commit, <c>synchronous=FULL</c>).
/// </summary>
public sealed partial class ControlStateStore : IDisposable
{
    /// <summary>The database file name inside the state directory.</summary>
    public const string FileName = "control.db";

    private readonly SqliteConnection connection;

    /// <summary>Opens (creating and migrating when needed) the state kept in <paramref name="directory"/>.</summary>
    public ControlStateStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        Path = System.IO.Path.Combine(System.IO.Path.GetFullPath(directory), FileName);
        connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false, // closing must release the file: a reopen in the same process sees only what is on disk
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;");
        ControlStateSchema.Migrate(connection);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The schema versions applied to this file, oldest first.</summary>
    public IReadOnlyList<int> SchemaVersions => ControlStateSchema.AppliedVersions(connection);

    /// <summary>
    /// Adds a diagnosis atomically with what decides whether it may exist: under one write transaction
    /// <paramref name="create"/> sees every stored diagnosis (all tenants: collector ports are shared) and returns
    /// the new one, or throws and nothing is written. Another process starting a diagnosis at the same time waits.
    /// </summary>
    public Diagnosis AddDiagnosis(Func<IReadOnlyList<Diagnosis>, Diagnosis> create)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var diagnosis = create(Load(transaction, null, null));
        using (var insert = Command(transaction,
            "INSERT INTO diagnoses (tenant, name, state, collection_config, parse_config, policy_json, created) VALUES ($t, $n, $s, $c, $p, $j, $d)"))
        {
            insert.Parameters.AddWithValue("$t", diagnosis.Tenant);
            insert.Parameters.AddWithValue("$n", diagnosis.Name);
            insert.Parameters.AddWithValue("$s", diagnosis.State.ToString());
            insert.Parameters.AddWithValue("$c", diagnosis.CollectionConfiguration);
            insert.Parameters.AddWithValue("$p", diagnosis.ParseConfiguration);
            insert.Parameters.AddWithValue("$j", diagnosis.Policy.ToJson());
            insert.Parameters.AddWithValue("$d", diagnosis.Created.ToString("O", CultureInfo.InvariantCulture));
            insert.ExecuteNonQuery();
        }
        for (var i = 0; i < diagnosis.Tables.Count; i++)
        {
            var table = diagnosis.Tables[i];
            using var insert = Command(transaction,
                "INSERT INTO trace_tables (tenant, diagnosis, capture_point, table_id, hypervisor, table_server, table_name, ordinal) VALUES ($t, $n, $cp, $id, $h, $ts, $tn, $o)");
            insert.Parameters.AddWithValue("$t", diagnosis.Tenant);
            insert.Parameters.AddWithValue("$n", diagnosis.Name);
            insert.Parameters.AddWithValue("$cp", table.CapturePoint);
            insert.Parameters.AddWithValue("$id", table.TableId);
            insert.Parameters.AddWithValue("$h", table.Hypervisor);
            insert.Parameters.AddWithValue("$ts", table.TableServer);
            insert.Parameters.AddWithValue("$tn", table.Table.Table);
            insert.Parameters.AddWithValue("$o", i);
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        Changed();
        return diagnosis;
    }

    /// <summary>Diagnoses of one tenant, or of all when <paramref name="tenant"/> is null, by tenant and name.</summary>
    public IReadOnlyList<Diagnosis> List(string? tenant) => Load(null, tenant, null);

    /// <summary>A tenant's diagnosis, or null (never another tenant's).</summary>
    public Diagnosis? Find(string tenant, string name) => Load(null, tenant, name) is [var found] ? found : null;

    /// <summary>Changes a tenant's diagnosis state; false when the tenant has no such diagnosis.</summary>
    public bool SetState(string tenant, string name, DiagnosisState state)
    {
        using var update = Command(null, "UPDATE diagnoses SET state = $s WHERE tenant = $t AND name = $n");
        update.Parameters.AddWithValue("$s", state.ToString());
        update.Parameters.AddWithValue("$t", tenant);
        update.Parameters.AddWithValue("$n", name);
        var changed = update.ExecuteNonQuery() == 1;
        Changed();
        return changed;
    }

    /// <summary>Removes a tenant's diagnosis with its table locations and captures; false when there was none.</summary>
    public bool Delete(string tenant, string name)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        // The statistics belong to the tables, which go with the diagnosis (they are not a foreign key: vnd import
        // fills tables of no diagnosis).
        using (var statistics = Command(transaction,
            "DELETE FROM capture_statistics WHERE tenant = $t AND table_name IN (SELECT table_name FROM trace_tables WHERE tenant = $t AND diagnosis = $n)"))
        {
            statistics.Parameters.AddWithValue("$t", tenant);
            statistics.Parameters.AddWithValue("$n", name);
            statistics.ExecuteNonQuery();
        }
        using var delete = Command(transaction, "DELETE FROM diagnoses WHERE tenant = $t AND name = $n");
        delete.Parameters.AddWithValue("$t", tenant);
        delete.Parameters.AddWithValue("$n", name);
        var deleted = delete.ExecuteNonQuery() == 1;
        transaction.Commit();
        Changed();
        return deleted;
    }

    /// <summary>Records a capture file imported into a capture point of a diagnosis.</summary>
    public void RecordCapture(string tenant, string diagnosis, AttachedCapture capture)
    {
        using var insert = Command(null,
            "INSERT INTO attached_captures (tenant, diagnosis, capture_point, file, packets, bytes, attached) VALUES ($t, $n, $cp, $f, $p, $b, $a)");
        insert.Parameters.AddWithValue("$t", tenant);
        insert.Parameters.AddWithValue("$n", diagnosis);
        insert.Parameters.AddWithValue("$cp", capture.CapturePoint);
        insert.Parameters.AddWithValue("$f", capture.File);
        insert.Parameters.AddWithValue("$p", capture.Packets);
        insert.Parameters.AddWithValue("$b", capture.Bytes);
        insert.Parameters.AddWithValue("$a", capture.Attached.ToString("O", CultureInfo.InvariantCulture));
        insert.ExecuteNonQuery();
        Changed();
    }

    /// <summary>The captures attached to a tenant's diagnosis, in the order they were attached.</summary>
    public IReadOnlyList<AttachedCapture> Captures(string tenant, string diagnosis)
    {
        using var query = Command(null,
            "SELECT capture_point, file, packets, bytes, attached FROM attached_captures WHERE tenant = $t AND diagnosis = $n ORDER BY rowid");
        query.Parameters.AddWithValue("$t", tenant);
        query.Parameters.AddWithValue("$n", diagnosis);
        using var reader = query.ExecuteReader();
        var captures = new List<AttachedCapture>();
        while (reader.Read())
        {
            captures.Add(new AttachedCapture(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3),
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture)));
        }
        return captures;
    }

    public void Dispose()
    {
        _dataVersion?.Dispose();
        connection.Dispose();
    }

    private List<Diagnosis> Load(SqliteTransaction? transaction, string? tenant, string? name)
    {
        var tables = LoadTables(transaction, tenant, name);
        using var query = Command(transaction,
            "SELECT tenant, name, state, collection_config, parse_config, policy_json, created FROM diagnoses " +
            "WHERE ($t IS NULL OR tenant = $t) AND ($n IS NULL OR name = $n) ORDER BY tenant, name");
        query.Parameters.AddWithValue("$t", (object?)tenant ?? DBNull.Value);
        query.Parameters.AddWithValue("$n", (object?)name ?? DBNull.Value);
        using var reader = query.ExecuteReader();
        var diagnoses = new List<Diagnosis>();
        while (reader.Read())
        {
            var key = (reader.GetString(0), reader.GetString(1));
            diagnoses.Add(new Diagnosis(key.Item1, key.Item2, Enum.Parse<DiagnosisState>(reader.GetString(2)),
                reader.GetString(3), reader.GetString(4), CollectionPolicy.FromJson(reader.GetString(5)),
                tables.TryGetValue(key, out var own) ? own : [],
                DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture)));
        }
        return diagnoses;
    }

    private Dictionary<(string, string), List<DiagnosisTable>> LoadTables(SqliteTransaction? transaction, string? tenant, string? name)
    {
        using var query = Command(transaction,
            "SELECT tenant, diagnosis, capture_point, table_id, hypervisor, table_server, table_name FROM trace_tables " +
            "WHERE ($t IS NULL OR tenant = $t) AND ($n IS NULL OR diagnosis = $n) ORDER BY tenant, diagnosis, ordinal");
        query.Parameters.AddWithValue("$t", (object?)tenant ?? DBNull.Value);
        query.Parameters.AddWithValue("$n", (object?)name ?? DBNull.Value);
        using var reader = query.ExecuteReader();
        var tables = new Dictionary<(string, string), List<DiagnosisTable>>();
        while (reader.Read())
        {
            var key = (reader.GetString(0), reader.GetString(1));
            if (!tables.TryGetValue(key, out var list))
                tables[key] = list = [];
            list.Add(new DiagnosisTable(reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                new TableRef(key.Item1, reader.GetString(6))));
        }
        return tables;
    }

    private SqliteCommand Command(SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private void Execute(string sql)
    {
        using var command = Command(null, sql);
        command.ExecuteNonQuery();
    }
}
