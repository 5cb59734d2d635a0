using Vnd.Capture.Import;
using Vnd.Executor.Storage;

namespace Vnd.Engine.Control.State;

public sealed partial class ControlStateStore
{
    /// <summary>
    /// Adds what one import counted to each trace table it filled: attaching several captures to a capture point
    /// accumulates. A table that did not exist before the import (<paramref name="existedBefore"/> lacks it) starts
    /// from this import's numbers, so a table dropped and created again forgets the old ones; a table that holds rows
    /// imported before statistics were kept (a control.db of schema version 2) stays unknown rather than
    /// undercounted. One transaction.
    /// </summary>
    public void RecordImport(string tenant, ImportSummary summary, IReadOnlySet<string> existedBefore)
    {
        var statistics = CaptureStatistics.Of(summary);
        using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var (table, _) in summary.RowsPerTable)
        {
            var fresh = !existedBefore.Contains(table.Table);
            using var upsert = Command(transaction, fresh
                ? "INSERT OR REPLACE INTO capture_statistics (tenant, table_name, packets_read, packets_dropped, decode_errors) VALUES ($t, $n, $r, $d, $e)"
                : "UPDATE capture_statistics SET packets_read = packets_read + $r, packets_dropped = packets_dropped + $d, " +
                  "decode_errors = decode_errors + $e WHERE tenant = $t AND table_name = $n");
            upsert.Parameters.AddWithValue("$t", tenant);
            upsert.Parameters.AddWithValue("$n", table.Table);
            upsert.Parameters.AddWithValue("$r", statistics.PacketsRead);
            upsert.Parameters.AddWithValue("$d", statistics.PacketsDropped);
            upsert.Parameters.AddWithValue("$e", statistics.DecodeErrors);
            upsert.ExecuteNonQuery();
        }
        transaction.Commit();
        Changed();
    }

    /// <summary>The names of a tenant's trace tables now (call before an import, for <see cref="RecordImport"/>).</summary>
    public static IReadOnlySet<string> ExistingTables(TraceTableStore tables, string tenant)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in tables.ListTables(tenant))
            names.Add(table.Table);
        return names;
    }

    /// <summary>A tenant's trace-table statistics by table name (tables imported before they were kept are absent).</summary>
    public IReadOnlyDictionary<string, CaptureStatistics> Statistics(string tenant)
    {
        using var query = Command(null,
            "SELECT table_name, packets_read, packets_dropped, decode_errors FROM capture_statistics WHERE tenant = $t");
        query.Parameters.AddWithValue("$t", tenant);
        using var reader = query.ExecuteReader();
        var statistics = new Dictionary<string, CaptureStatistics>(StringComparer.Ordinal);
        while (reader.Read())
            statistics[reader.GetString(0)] = new CaptureStatistics(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        return statistics;
    }
}
