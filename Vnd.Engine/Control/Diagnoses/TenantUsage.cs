using Vnd.Engine.Control.Cloud;
using Vnd.Executor.Storage;

namespace Vnd.Engine.Control.Diagnoses;

/// <summary>The trace storage a tenant's diagnoses hold, measured on the table store, against its quotas.</summary>
public sealed record TenantUsage(long Rows, long Bytes)
{
    /// <summary>Sums the rows and bytes of the tables of <paramref name="diagnoses"/> that exist.</summary>
    public static TenantUsage Measure(TraceTableStore store, IEnumerable<Diagnosis> diagnoses)
    {
        long rows = 0, bytes = 0;
        foreach (var diagnosis in diagnoses)
        {
            foreach (var table in diagnosis.Tables)
            {
                if (!store.TableExists(table.Table))
                    continue;
                var stored = store.OpenTable(table.Table);
                rows += stored.RowCount;
                bytes += stored.ByteSize;
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
