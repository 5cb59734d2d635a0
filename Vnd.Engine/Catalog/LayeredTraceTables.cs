using Vnd.Executor.Operators;
using Vnd.Planner.Catalog;
using Vnd.Planner.Logical;

namespace Vnd.Engine.Catalog;

/// <summary>
/// A control server in front of table servers: the table servers' tables (<paramref name="servers"/>) and, beneath
/// them, those its own data directory holds (<paramref name="local"/>) — the captures tenants attach over the wire
/// (<c>COPY … FROM STDIN (FORMAT pcap)</c>, <c>vnd.attach</c>), which no table server holds and which queries read at
/// the coordinator. A name both report is the table servers'.
/// </summary>
public sealed class LayeredTraceTables(ITraceTables servers, ITraceTables local) : ITraceTables
{
    public IReadOnlyList<string> Schemas() => [.. servers.Schemas().Union(local.Schemas(), StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public IReadOnlyList<TableDefinition> Tables(string schema)
    {
        var tables = new SortedDictionary<string, TableDefinition>(StringComparer.Ordinal);
        foreach (var table in local.Tables(schema))
            tables[table.Name] = table;
        foreach (var table in servers.Tables(schema))
            tables[table.Name] = table;
        return [.. tables.Values];
    }

    public IReadOnlyList<string> TableNames(string schema) =>
        [.. servers.TableNames(schema).Union(local.TableNames(schema), StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public TableDefinition? Describe(string schema, string table) => servers.Describe(schema, table) ?? local.Describe(schema, table);

    public TraceTableSummary? Summary(string schema, string table) => servers.Summary(schema, table) ?? local.Summary(schema, table);

    public IBatchSource Source(Scan scan) =>
        servers.Describe(scan.Schema, scan.Table) is null ? local.Source(scan) : servers.Source(scan);
}
