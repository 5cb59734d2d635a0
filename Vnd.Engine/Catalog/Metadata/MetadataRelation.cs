using Vnd.Engine.Control.Diagnoses;
using Vnd.Engine.Control.Policy;
using Vnd.Engine.Control.State;
using Vnd.Executor.Operators;
using Vnd.Executor.Storage;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Engine.Catalog.Metadata;

/// <summary>
/// The metadata relation as one tenant sees it: a catalog exposes it as table <c>vnd.diagnoses</c> (schema
/// <c>vnd</c>, like the <c>vnd.start_diagnosis</c> functions; a session's search path need not include it).
/// <para>
/// Security barrier by construction: the batch source is built from the control state's rows of
/// <paramref name="tenant"/> only (the store filters by tenant in SQLite), so no other tenant's row ever exists in
/// the relation a query reads — a user predicate such as <c>1/(rows - k)</c> cannot be evaluated on, nor raise an
/// error because of, another tenant's row, whatever order the planner runs predicates in.
/// </para>
/// </summary>
public sealed class MetadataRelation(ControlStateStore state, ITraceTables tables)
{
    /// <summary>The metadata relation of a server whose trace tables are in its own data directory.</summary>
    public MetadataRelation(ControlStateStore state, TraceTableStore store)
        : this(state, new LocalTraceTables(store))
    {
    }

    /// <summary>The schema and table name a catalog should register it under.</summary>
    public const string Schema = "vnd";
    public const string Table = "diagnoses";

    /// <summary>
    /// A snapshot of <paramref name="tenant"/>'s rows — of every tenant's for the admin (null) — taken now (a query
    /// sees one consistent state).
    /// </summary>
    public (IReadOnlyList<string> Names, IReadOnlyList<SqlType> Types, IBatchSource Source) For(string? tenant)
    {
        var rows = new InMemoryTable(MetadataColumns.Types, MetadataColumns.Names);
        var statistics = new Dictionary<string, IReadOnlyDictionary<string, CaptureStatistics>>(StringComparer.Ordinal);
        foreach (var diagnosis in state.List(tenant))
        {
            if (tenant is not null && diagnosis.Tenant != tenant)
                throw new InvalidOperationException("control state returned another tenant's diagnosis");
            if (!statistics.TryGetValue(diagnosis.Tenant, out var counted))
                statistics[diagnosis.Tenant] = counted = state.Statistics(diagnosis.Tenant);
            foreach (var table in diagnosis.Tables)
                rows.AppendRow(Row(diagnosis, table, counted.GetValueOrDefault(table.Table.Table)));
        }
        return (MetadataColumns.Names, MetadataColumns.Types, rows);
    }

    private object?[] Row(Diagnosis diagnosis, DiagnosisTable table, CaptureStatistics? counted)
    {
        var point = diagnosis.Policy.CapturePoints.FirstOrDefault(p => p.Name == table.CapturePoint);
        // The table as the catalog describes it (the data directory, or the table servers holding it).
        var summary = tables.Summary(table.Table.Schema, table.Table.Table);
        var (rows, bytes) = summary is null ? (0L, 0L) : (summary.Rows, summary.Bytes);
        var fields = summary is null ? null : string.Join(", ", summary.Fields);
        var (first, last) = summary is null ? (null, null) : (summary.First, summary.Last);
        // No capture attached yet (the importer creates the table): nothing read, nothing dropped. A table whose
        // rows were imported before the control state kept statistics: unknown.
        var known = counted ?? (summary is not null ? null : new CaptureStatistics(0, 0, 0));
        return
        [
            diagnosis.Tenant, diagnosis.Name, table.CapturePoint, table.TableId, table.Table.Table,
            point is null ? null : VirtualName(point), point is null ? null : Direction(point),
            point?.Pattern.ToString(), fields, diagnosis.State.ToString().ToLowerInvariant(),
            rows, bytes, first, last, known?.PacketsRead, known?.PacketsDropped, known?.DecodeErrors,
        ];
    }

    /// <summary>"link A at re", "node lb": what the tenant named, never where it runs.</summary>
    internal static string VirtualName(CapturePoint point) =>
        point.TargetKind == CaptureTargetKind.Link
            ? $"link {point.Target}" + (point.Taps.Count > 0 ? $" at {point.Taps[0].Node}" : "")
            : $"node {point.Target}";

    private static string Direction(CapturePoint point)
    {
        var directions = point.Taps.Select(t => t.Direction).Distinct().ToList();
        // Seen from the node tapped: frames it receives are its input, frames it sends its output.
        return directions.Count != 1 ? "both" : directions[0] == TapDirection.ToNode ? "input" : "output";
    }
}
