using Vnd.Engine.Catalog;
using Vnd.Executor.Operators;
using Vnd.Executor.Storage;
using Vnd.Planner.Catalog;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Engine.Sessions;

/// <summary>
/// The admin's view: every tenant schema of the store, each answered by that tenant's own
/// <see cref="TraceCatalog"/> so the admin sees exactly what the tenant sees. Nothing is on the search path by
/// default: the admin names tables with their schema (or sets search_path). Wrapped in a
/// <see cref="Catalog.System.SystemCatalog"/>, pg_catalog and information_schema list all of them.
/// </summary>
public sealed class AllTenantsCatalog(ITraceTables tables) : ITraceTableCatalog
{
    private readonly Dictionary<string, TraceCatalog> _tenants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FunctionSignature[]> _functions = BuiltinFunctions.All
        .GroupBy(f => f.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    public SqlList<string> SearchPath => SqlList<string>.Empty;

    /// <summary>The admin's view of a data directory.</summary>
    public AllTenantsCatalog(TraceTableStore store)
        : this(new LocalTraceTables(store))
    {
    }

    /// <summary>Every tenant schema holding trace tables, by name.</summary>
    public IReadOnlyList<string> Schemas() => tables.Schemas().Order(StringComparer.Ordinal).ToArray();

    /// <summary>Every tenant's trace tables, schema by schema (the admin's pg_class and information_schema).</summary>
    public IReadOnlyList<(string Schema, string Name)> TableNames()
    {
        var all = new List<(string, string)>();
        foreach (var schema in Schemas())
        {
            if (Tenant(schema) is { } tenant)
                all.AddRange(tenant.TableNames());
        }
        return all;
    }

    public bool SchemaExists(string schema) => Tenant(schema) is not null;

    public TableDefinition? FindTable(string schema, string name) => Tenant(schema)?.FindTable(schema, name);

    public ViewDefinition? FindView(string schema, string name) => Tenant(schema)?.FindView(schema, name);

    public IReadOnlyList<FunctionSignature> FindFunctions(string name) => _functions.TryGetValue(name, out var overloads) ? overloads : [];

    public IBatchSource Source(Scan scan) =>
        (Tenant(scan.Schema) ?? throw new StorageException(StorageErrorKind.TableNotFound, $"trace table {scan.Schema}.{scan.Table} does not exist")).Source(scan);

    private TraceCatalog? Tenant(string schema)
    {
        if (_tenants.TryGetValue(schema, out var catalog))
            return catalog;
        if (!tables.Schemas().Contains(schema, StringComparer.Ordinal))
            return null;
        catalog = new TraceCatalog(tables, schema);
        _tenants[schema] = catalog;
        return catalog;
    }
}
