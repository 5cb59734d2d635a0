using Vnd.Engine.Catalog;
using Vnd.Executor.Operators;
using Vnd.Planner.Catalog;
using Vnd.Planner.Logical;

namespace Vnd.Engine.Tests.Catalog;

/// <summary>A data directory's trace tables that count how many tables were described (manifests opened for columns and statistics).</summary>
internal sealed class CountingTraceTables(ITraceTables inner) : ITraceTables
{
    public int Describes { get; private set; }

    public IReadOnlyList<string> Schemas() => inner.Schemas();

    public IReadOnlyList<TableDefinition> Tables(string schema)
    {
        var tables = inner.Tables(schema);
        Describes += tables.Count;
        return tables;
    }

    public IReadOnlyList<string> TableNames(string schema) => inner.TableNames(schema);

    public TableDefinition? Describe(string schema, string table)
    {
        Describes++;
        return inner.Describe(schema, table);
    }

    public TraceTableSummary? Summary(string schema, string table) => inner.Summary(schema, table);

    public IBatchSource Source(Scan scan) => inner.Source(scan);
}
