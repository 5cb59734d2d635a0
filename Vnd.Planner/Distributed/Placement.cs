using Vnd.Planner.Errors;

namespace Vnd.Planner.Distributed;

/// <summary>
/// Which site holds each trace table (filled from table-server registrations). A table the placement does not know
/// cannot be planned: the query fails with 42P01 naming it rather than silently running somewhere.
/// </summary>
public sealed class Placement
{
    private readonly Dictionary<(string, string), TablePlacement> _tables = [];

    public Placement Place(TablePlacement table)
    {
        _tables[(table.Schema, table.Table)] = table;
        return this;
    }

    public Placement Place(string schema, string table, Site site, TableSiteStatistics statistics) =>
        Place(new TablePlacement(schema, table, site, statistics));

    public IReadOnlyCollection<TablePlacement> Tables => _tables.Values;

    /// <summary>The table's placement, or null when no table server holds it (a system catalog, a view's input).</summary>
    public TablePlacement? Find(string schema, string table) => _tables.GetValueOrDefault((schema, table));

    public TablePlacement Of(string schema, string table) =>
        _tables.GetValueOrDefault((schema, table))
        ?? throw new SqlException(SqlState.UndefinedTable, $"trace table {schema}.{table} is not placed at any capture point");
}
