using Vnd.Engine.Control.Cloud;
using Vnd.Engine.Catalog;

namespace Vnd.Engine.Control.Diagnoses;

/// <summary>The trace storage a tenant's diagnoses hold, measured through the trace-table catalog, against its quotas.</summary>
public sealed record TenantUsage(long Rows, long Bytes)
{
    /// <summary>
    /// Sums the rows and bytes of the tables of <paramref name="diagnoses"/> that exist, wherever the catalog finds
    /// them (the data directory, or the table servers holding them).
    /// </summary>
    public static TenantUsage Measure(ITraceTables tables, IEnumerable<Diagnosis> diagnoses)
    {
        long rows = 0, bytes = 0;
        foreach (var diagnosis in diagnoses)
        {
            foreach (var table in diagnosis.Tables)
            {
                if (tables.Summary(table.Table.Schema, table.Table.Table) is not { } stored)
                    continue;
                rows += stored.Rows;
                bytes += stored.Bytes;
            }
        }
        return new TenantUsage(rows, bytes);
    }

    /// <summary>Throws 53400 when no more rows may be captured for the tenant.</summary>
    public void EnsureRoom(Tenant tenant)
    {
        if (Rows >= tenant.Quotas.MaxRows)
            throw new DiagnosisException(DiagnosisException.ConfigurationLimitExceeded,
                $"tenant {tenant.Name} holds {Rows} trace rows, the most its quota allows ({tenant.Quotas.MaxRows}); drop a diagnosis to free storage");
        if (Bytes >= tenant.Quotas.MaxBytes)
            throw new DiagnosisException(DiagnosisException.ConfigurationLimitExceeded,
                $"tenant {tenant.Name} holds {Bytes} bytes of traces, the most its quota allows ({tenant.Quotas.MaxBytes}); drop a diagnosis to free storage");
    }
}
