using Vnd.Engine.Catalog;
using Vnd.Engine.TableServer.Catalogs;
using Vnd.Executor;
using Vnd.Executor.Operators;
using Vnd.Executor.Remote;
using Vnd.Planner.Catalog;
using Vnd.Planner.Errors;
using Vnd.Planner.Logical;
using Vnd.Planner.Types;

namespace Vnd.Engine.TableServer;

/// <summary>
/// The trace tables of a control server in front of table-server processes: what the table servers' cached
/// ListFlights answers report (<see cref="RemoteTableServers.Catalogs"/>), so the control server binds, plans and
/// lists in pg_catalog exactly the tables its queries can reach, with no segment or manifest of its own. A table
/// two servers report (one restarted elsewhere) is the live server's, as placement has it.
/// </summary>
public sealed class RemoteTraceTables(RemoteTableServers servers) : ITraceTables
{
    public IReadOnlyList<string> Schemas()
    {
        var schemas = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (_, _, catalog) in servers.Catalogs())
            schemas.UnionWith(catalog.Schemas);
        return [.. schemas];
    }

    public IReadOnlyList<TableDefinition> Tables(string schema)
    {
        var tables = new SortedDictionary<string, TableDefinition>(StringComparer.Ordinal);
        foreach (var (_, _, catalog) in servers.Catalogs())
        {
            foreach (var table in catalog.InSchema(schema))
                tables[table.Name] = table.Definition;
        }
        return [.. tables.Values];
    }

    public TableDefinition? Describe(string schema, string table) => Find(schema, table)?.Definition;

    public TraceTableSummary? Summary(string schema, string table)
    {
        if (Find(schema, table) is not { } reported)
            return null;
        var columns = reported.Definition.Columns;
        var fields = new string[columns.Count];
        for (var c = 0; c < fields.Length; c++)
            fields[c] = columns[c].Name;
        var (first, last) = TimeRange(reported);
        var statistics = reported.Definition.Statistics;
        return new TraceTableSummary(statistics?.RowCount ?? 0, statistics?.ByteSize ?? 0, fields, first, last);
    }

    /// <summary>
    /// Every scan of a table server's table runs at that table server; this process reads none. Only a session
    /// without table-server placement (the admin's) gets here, and is told so rather than shown an empty table.
    /// </summary>
    public IBatchSource Source(Scan scan) =>
        throw new ExecutionException(SqlState.FeatureNotSupported,
            $"trace table {scan.Schema}.{scan.Table} is held by a table server; query it as its tenant");

    /// <summary>The live server's report of the table (the last in <see cref="RemoteTableServers.Catalogs"/> order).</summary>
    private ReportedTable? Find(string schema, string name)
    {
        ReportedTable? found = null;
        foreach (var (_, _, catalog) in servers.Catalogs())
            found = catalog.Find(schema, name) ?? found;
        return found;
    }

    /// <summary>The first timestamp column's bounds as the table server reported them (units of its resolution).</summary>
    private static (DateTime?, DateTime?) TimeRange(ReportedTable table)
    {
        var columns = table.Definition.Columns;
        var fields = table.Info.Schema.FieldsList;
        for (var c = 0; c < columns.Count && c < fields.Count; c++)
        {
            var type = columns[c].Type;
            if (type.Id is not (TypeId.Timestamp or TypeId.TimestampTz))
                continue;
            var metadata = fields[c].HasMetadata ? fields[c].Metadata : new Dictionary<string, string>();
            return (TraceTimes.ToTime(FlightTableDefinition.Long(metadata, TableServerProtocol.MinKey), type),
                TraceTimes.ToTime(FlightTableDefinition.Long(metadata, TableServerProtocol.MaxKey), type));
        }
        return (null, null);
    }
}
