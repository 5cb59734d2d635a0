using Vnd.Planner.Catalog;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Engine.Catalog.System;

/// <summary>
/// One pg_class row's worth of a relation. A trace table's columns and statistics are read from its manifest only
/// when first asked for (pg_attribute, relnatts, reltuples, pg_table_size): with thousands of tables, describing
/// every one for every statement cost more than the statement.
/// </summary>
public sealed class RelationEntry
{
    private Func<string, string, TableDefinition?>? _describe;
    private SqlList<ColumnDefinition> _columns;
    private TableStatistics? _statistics;

    /// <summary>A relation whose columns are known (a built-in one).</summary>
    public RelationEntry(int oid, string schema, int ns, string name, char kind, SqlList<ColumnDefinition> columns)
    {
        (Oid, Schema, Namespace, Name, Kind) = (oid, schema, ns, name, kind);
        _columns = columns;
    }

    /// <summary>A table described by <paramref name="describe"/> on first use (no columns if it went away since it was listed).</summary>
    public RelationEntry(int oid, string schema, int ns, string name, Func<string, string, TableDefinition?> describe)
    {
        (Oid, Schema, Namespace, Name, Kind) = (oid, schema, ns, name, 'r');
        _describe = describe;
        _columns = SqlList<ColumnDefinition>.Empty;
    }

    public int Oid { get; }

    public string Schema { get; }

    public int Namespace { get; }

    public string Name { get; }

    public char Kind { get; }

    public SqlList<ColumnDefinition> Columns
    {
        get
        {
            Describe();
            return _columns;
        }
    }

    public TableStatistics? Statistics
    {
        get
        {
            Describe();
            return _statistics;
        }
    }

    /// <summary>Whether the columns and statistics have been read (tests count the manifests a statement opened).</summary>
    public bool IsDescribed => Volatile.Read(ref _describe) is null;

    private void Describe()
    {
        if (Volatile.Read(ref _describe) is not { } describe)
            return;
        if (describe(Schema, Name) is { } table)
        {
            _columns = table.Columns;
            _statistics = table.Statistics;
        }
        // After the fields: a reader that sees no describer sees them set.
        Volatile.Write(ref _describe, null);
    }
}
