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
/// The trace tables of this process's own data directory (<see cref="TraceTableStore"/>): statistics (rows, bytes,
/// per-column min/max/nulls) come from the manifests without reading segments, scans read the segments.
/// </summary>
public sealed class LocalTraceTables(TraceTableStore store) : ITraceTables
{
    private readonly TableNameCache _names = new(store);

    /// <summary>
    /// Descriptions by the manifest they were made from: the store's manifest cache hands out the same instance while
    /// the file is unchanged, so a description is computed once per manifest version instead of per statement (every
    /// pgbench query describes its table; psql's <c>\dt+</c> sizes every table of the tenant).
    /// </summary>
    private readonly global::System.Runtime.CompilerServices.ConditionalWeakTable<Executor.Storage.Manifest.TableManifest, TableDefinition> _described = new();

    public IReadOnlyList<string> Schemas() => store.ListSchemas();

    public IReadOnlyList<TableDefinition> Tables(string schema)
    {
        var tables = new List<TableDefinition>();
        if (!IsName(schema, "schema"))
            return tables;
        foreach (var reference in store.ListTables(schema))
        {
            if (Describe(schema, reference.Table) is { } table)
                tables.Add(table);
        }
        return tables;
    }

    /// <summary>The schema's table names, listed again only when its directory changed (see <see cref="TableNameCache"/>).</summary>
    public IReadOnlyList<string> TableNames(string schema) => IsName(schema, "schema") ? _names.Names(schema) : [];

    public TableDefinition? Describe(string schema, string name)
    {
        if (Open(schema, name) is not { } table)
            return null;
        if (_described.TryGetValue(table.Manifest, out var known) && known.Schema == schema && known.Name == name)
            return known;
        var columns = new ColumnDefinition[table.Schema.Count];
        for (var c = 0; c < columns.Length; c++)
            columns[c] = new ColumnDefinition(table.Schema[c].Name, table.Schema[c].Type, Statistics(table, c));
        var described = new TableDefinition(schema, name, SqlList.From(columns), new TableStatistics(table.RowCount, table.ByteSize));
        _described.AddOrUpdate(table.Manifest, described);
        return described;
    }

    public TraceTableSummary? Summary(string schema, string name)
    {
        if (Open(schema, name) is not { } table)
            return null;
        var names = new string[table.Schema.Count];
        for (var c = 0; c < names.Length; c++)
            names[c] = table.Schema[c].Name;
        var (first, last) = TimeRange(table);
        return new TraceTableSummary(table.RowCount, table.ByteSize, names, first, last);
    }

    /// <summary>The table's current snapshot, skipping segments the scan's hints rule out.</summary>
    public IBatchSource Source(Scan scan) =>
        new TraceTableBatchSource(store.OpenTable(new TableRef(scan.Schema, scan.Table)), SegmentPruning.For(scan));

    private TraceTable? Open(string schema, string name)
    {
        if (!IsName(schema, "schema") || !IsName(name, "table"))
            return null;
        return store.TryOpenTable(new TableRef(schema, name));
    }

    /// <summary>Names the store could never hold (path separators, dots) are simply not tables.</summary>
    private static bool IsName(string name, string part)
    {
        try
        {
            TableRef.CheckPart(name, part);
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

    /// <summary>The range of the table's first timestamp column, from the segment statistics.</summary>
    private static (DateTime?, DateTime?) TimeRange(TraceTable table)
    {
        for (var c = 0; c < table.Schema.Count; c++)
        {
            var type = table.Schema[c].Type;
            if (type.Id is not (TypeId.Timestamp or TypeId.TimestampTz))
                continue;
            long? min = null, max = null;
            foreach (var segment in table.Segments)
            {
                var s = segment.Columns[c];
                min = Lower(min, s.MinInteger);
                max = Upper(max, s.MaxInteger);
            }
            return (TraceTimes.ToTime(min, type), TraceTimes.ToTime(max, type));
        }
        return (null, null);
    }

    private static T? Lower<T>(T? current, T? value) where T : struct, IComparable<T> =>
        current is null ? value : value is null ? current : (value.Value.CompareTo(current.Value) < 0 ? value : current);

    private static T? Upper<T>(T? current, T? value) where T : struct, IComparable<T> =>
        current is null ? value : value is null ? current : (value.Value.CompareTo(current.Value) > 0 ? value : current);
}
