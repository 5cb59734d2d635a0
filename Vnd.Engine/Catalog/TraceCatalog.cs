using Vnd.Executor.Operators;
using Vnd.Executor.Scans;
using Vnd.Executor.Storage;
using Vnd.Planner.Catalog;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;
using TableRef = Vnd.Executor.Storage.TableRef;
using PlannerColumnStatistics = Vnd.Planner.Catalog.ColumnStatistics;

namespace Vnd.Engine.Catalog;

/// <summary>
/// One tenant's view of a data directory: the tenant is a schema, its trace tables are the tables of that schema
/// in the <see cref="TraceTableStore"/>. Other tenants' schemas do not exist from here, so a query cannot name them.
/// Table statistics (rows, bytes, per-column min/max/nulls) come from the manifest without reading segments.
/// </summary>
public sealed class TraceCatalog : ITraceTableCatalog
{
    private readonly TraceTableStore _store;
    private readonly string _tenant;
    private readonly Dictionary<string, List<FunctionSignature>> _functions = new(StringComparer.Ordinal);

    public TraceCatalog(TraceTableStore store, string tenant)
    {
        TableRef.CheckPart(tenant, "tenant");
        _store = store;
        _tenant = tenant;
        SearchPath = [tenant];
        foreach (var function in BuiltinFunctions.All)
        {
            if (!_functions.TryGetValue(function.Name, out var overloads))
                _functions[function.Name] = overloads = [];
            overloads.Add(function);
        }
    }

    public SqlList<string> SearchPath { get; }

    /// <summary>The tenant's schema, the one schema of its trace tables.</summary>
    public string Schema => _tenant;

    /// <summary>The tenant's schema, the only one.</summary>
    public IReadOnlyList<string> Schemas() => [_tenant];

    /// <summary>The tenant's trace tables (for the system catalog's pg_class, pg_attribute and information_schema).</summary>
    public IReadOnlyList<TableDefinition> Tables()
    {
        var tables = new List<TableDefinition>();
        foreach (var reference in _store.ListTables(_tenant))
        {
            if (FindTable(_tenant, reference.Table) is { } table)
                tables.Add(table);
        }
        return tables;
    }

    public bool SchemaExists(string schema) => schema == _tenant;

    public TableDefinition? FindTable(string schema, string name)
    {
        if (schema != _tenant || !IsTableName(name))
            return null;
        var reference = new TableRef(schema, name);
        if (!_store.TableExists(reference))
            return null;
        var table = _store.OpenTable(reference);
        var columns = new ColumnDefinition[table.Schema.Count];
        for (var c = 0; c < columns.Length; c++)
            columns[c] = new ColumnDefinition(table.Schema[c].Name, table.Schema[c].Type, Statistics(table, c));
        return new TableDefinition(schema, name, SqlList.From(columns), new TableStatistics(table.RowCount, table.ByteSize));
    }

    public ViewDefinition? FindView(string schema, string name) => null;

    public IReadOnlyList<FunctionSignature> FindFunctions(string name) =>
        _functions.TryGetValue(name, out var overloads) ? overloads : [];

    /// <summary>The batch source a logical scan reads (the table's current snapshot), skipping segments its hints rule out.</summary>
    public IBatchSource Source(Scan scan)
    {
        if (scan.Schema != _tenant)
            throw new StorageException(StorageErrorKind.TableNotFound, $"trace table {scan.Schema}.{scan.Table} does not exist");
        return new TraceTableBatchSource(_store.OpenTable(new TableRef(scan.Schema, scan.Table)), SegmentPruning.For(scan));
    }

    /// <summary>Names the store could never hold (path separators, dots) are simply not tables.</summary>
    private static bool IsTableName(string name)
    {
        try
        {
            TableRef.CheckPart(name, "table");
            return true;
        }
        catch (StorageException)
        {
            return false;
        }
    }

    /// <summary>Whole-table min/max for integer and float columns (other types: null count only).</summary>
    private static PlannerColumnStatistics Statistics(TraceTable table, int column)
    {
        long nulls = 0;
        object? min = null, max = null;
        var type = table.Schema[column].Type;
        var integer = type.Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8;
        var real = type.Id is TypeId.Float4 or TypeId.Float8;
        foreach (var segment in table.Segments)
        {
            var s = segment.Columns[column];
            nulls += s.NullCount;
            if (integer)
            {
                min = Lower(min as long?, s.MinInteger);
                max = Upper(max as long?, s.MaxInteger);
            }
            else if (real)
            {
                min = Lower(min as double?, s.MinReal);
                max = Upper(max as double?, s.MaxReal);
            }
        }
        return new PlannerColumnStatistics(min, max, nulls, null);
    }

    private static T? Lower<T>(T? current, T? value) where T : struct, IComparable<T> =>
        current is null ? value : value is null ? current : (value.Value.CompareTo(current.Value) < 0 ? value : current);

    private static T? Upper<T>(T? current, T? value) where T : struct, IComparable<T> =>
        current is null ? value : value is null ? current : (value.Value.CompareTo(current.Value) > 0 ? value : current);
}
