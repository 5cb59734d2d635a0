using Vnd.Executor.Operators;
using Vnd.Planner.Catalog;
using Vnd.Planner.Logical;

namespace Vnd.Engine.Catalog;

/// <summary>
/// Where the trace tables that sessions bind against are described: the server's own data directory
/// (<see cref="LocalTraceTables"/>), or, for a control server in front of table-server processes, the table servers'
/// cached answers (<see cref="TableServer.RemoteTraceTables"/>). Every catalog (a tenant's <see cref="TraceCatalog"/>,
/// the admin's, pg_catalog/information_schema over them, <c>vnd.diagnoses</c>) reads trace tables through this
/// one seam, so a control server holding no segments still shows exactly the tables that queries can reach.
/// </summary>
public interface ITraceTables
{
    /// <summary>The schemas (tenants) holding at least one table, sorted.</summary>
    IReadOnlyList<string> Schemas();

    /// <summary>The tables of <paramref name="schema"/>, sorted by name (none for an unknown schema).</summary>
    IReadOnlyList<TableDefinition> Tables(string schema);

    /// <summary>The names of <paramref name="schema"/>'s tables, sorted, without describing them (pg_class lists these for every statement).</summary>
    IReadOnlyList<string> TableNames(string schema)
    {
        var tables = Tables(schema);
        var names = new string[tables.Count];
        for (var i = 0; i < names.Length; i++)
            names[i] = tables[i].Name;
        return names;
    }

    /// <summary>The table, with its columns and statistics, or null when there is none by that name.</summary>
    TableDefinition? Describe(string schema, string table);

    /// <summary>Rows, bytes, fields and time range of the table, for <c>vnd.diagnoses</c>; null when it does not exist.</summary>
    TraceTableSummary? Summary(string schema, string table);

    /// <summary>The batch source a logical scan reads when it runs in this process.</summary>
    IBatchSource Source(Scan scan);
}
