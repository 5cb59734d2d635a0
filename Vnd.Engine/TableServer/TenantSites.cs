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
    /// <summary>The site of a table server holding <paramref name="tables"/>, given <see cref="Labels"/> of the tenant.</summary>
    public static Site Of(IEnumerable<string> tables, IReadOnlyDictionary<string, string> labels)
    {
        var named = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var table in tables)
            named.Add(labels.TryGetValue(table, out var capturePoint) ? capturePoint : table + " (imported)");
        return new Site(string.Join(", ", named));
    }

    /// <summary>
    /// The capture point filling each captured table, by table name (the first entry wins, as a scan of the list
    /// would find it); a table missing here was imported. A lookup per table instead of a scan of every diagnosis
    /// table keeps placement linear in a tenant's tables.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Labels(IReadOnlyList<DiagnosisTable> captured)
    {
        var labels = new Dictionary<string, string>(captured.Count, StringComparer.Ordinal);
        foreach (var entry in captured)
            labels.TryAdd(entry.Table.Table, entry.CapturePoint);
        return labels;
    }
}
