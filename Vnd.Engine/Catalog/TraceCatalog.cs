using Vnd.Executor.Operators;
using Vnd.Executor.Storage;
using Vnd.Planner.Catalog;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using TableRef = Vnd.Executor.Storage.TableRef;

namespace Vnd.Engine.Catalog;

/// <summary>
/// One tenant's view of the trace tables (<see cref="ITraceTables"/>: a data directory, or the table servers'
/// answers): the tenant is a schema, its trace tables are the tables of that schema. Other tenants' schemas do not
/// exist from here, so a query cannot name them.
/// </summary>
public sealed class TraceCatalog : ITraceTableCatalog
{
    private readonly ITraceTables _tables;
    private readonly string _tenant;
    private readonly Dictionary<string, List<FunctionSignature>> _functions = new(StringComparer.Ordinal);

    public TraceCatalog(ITraceTables tables, string tenant)
    {
        TableRef.CheckPart(tenant, "tenant");
        _tables = tables;
        _tenant = tenant;
        SearchPath = [tenant];
        foreach (var function in BuiltinFunctions.All)
        {
            if (!_functions.TryGetValue(function.Name, out var overloads))
                _functions[function.Name] = overloads = [];
            overloads.Add(function);
        }
    }

    /// <summary>The tenant's view of a data directory.</summary>
    public TraceCatalog(TraceTableStore store, string tenant)
        : this(new LocalTraceTables(store), tenant)
    {
    }

    public SqlList<string> SearchPath { get; }

    /// <summary>The tenant's schema, the one schema of its trace tables.</summary>
    public string Schema => _tenant;

    /// <summary>The tenant's schema, the only one.</summary>
    public IReadOnlyList<string> Schemas() => [_tenant];

    /// <summary>The tenant's trace tables by name (for the system catalog's pg_class, pg_attribute and information_schema).</summary>
    /// <remarks>
    /// The same list while the store's listing is the same one (<see cref="TableNameCache"/>), so a caller can tell an
    /// unchanged table list by reference (the system catalog's relation OIDs, asked on every statement).
    /// </remarks>
    public IReadOnlyList<(string Schema, string Name)> TableNames()
    {
        var names = _tables.TableNames(_tenant);
        if (_named is { } last && ReferenceEquals(last.From, names))
            return last.Tables;
        var tables = new (string, string)[names.Count];
        for (var i = 0; i < tables.Length; i++)
            tables[i] = (_tenant, names[i]);
        _named = new NamedTables(names, tables);
        return tables;
    }

    private NamedTables? _named;

    /// <summary>The last table list and the store listing it was made from.</summary>
    private sealed record NamedTables(IReadOnlyList<string> From, (string Schema, string Name)[] Tables);

    public bool SchemaExists(string schema) => schema == _tenant;

    public TableDefinition? FindTable(string schema, string name) => schema == _tenant ? _tables.Describe(schema, name) : null;

    public ViewDefinition? FindView(string schema, string name) => null;

    public IReadOnlyList<FunctionSignature> FindFunctions(string name) =>
        _functions.TryGetValue(name, out var overloads) ? overloads : [];

    /// <summary>The batch source a logical scan reads (the table's current snapshot), skipping segments its hints rule out.</summary>
    public IBatchSource Source(Scan scan)
    {
        if (scan.Schema != _tenant)
            throw new StorageException(StorageErrorKind.TableNotFound, $"trace table {scan.Schema}.{scan.Table} does not exist");
        return _tables.Source(scan);
    }
}
