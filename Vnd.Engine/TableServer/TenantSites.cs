using Vnd.Engine.Control.Diagnoses;
using Vnd.Planner.Distributed;

namespace Vnd.Engine.TableServer;

/// <summary>
/// The sites a tenant sees: one per table server holding its tables, named by the tenant's own capture points
/// there (e.g. <c>link B at ids, link C at server</c>) — never the hypervisor or table server, and never another
/// tenant's capture point. Tables on one table server share a site, so joining them moves nothing. A table no
/// capture point fills (an offline import) is named after itself.
/// </summary>
public static class TenantSites
{
    /// <summary>The site of a table server holding <paramref name="tables"/> of the tenant.</summary>
    public static Site Of(IEnumerable<string> tables, IReadOnlyList<DiagnosisTable> captured)
    {
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var table in tables)
            labels.Add(Label(table, captured));
        return new Site(string.Join(", ", labels));
    }

    /// <summary>The capture point filling <paramref name="table"/>, or "<paramref name="table"/> (imported)".</summary>
    public static string Label(string table, IReadOnlyList<DiagnosisTable> captured)
    {
        foreach (var entry in captured)
        {
            if (entry.Table.Table == table)
                return entry.CapturePoint;
        }
        return table + " (imported)";
    }
}
