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
/// default: the admin names tables with their schema (or sets search_path).
/// </summary>
public sealed class AllTenantsCatalog(TraceTableStore store) : ICatalog
{
    private readonly Dictionary<string, TraceCatalog> _tenants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FunctionSignature[]> _functions = BuiltinFunctions.All
        .GroupBy(f => f.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    public SqlList<string> SearchPath => SqlList<string>.Empty;

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
        if (!store.ListSchemas().Contains(schema, StringComparer.Ordinal))
            return null;
        catalog = new TraceCatalog(store, schema);
        _tenants[schema] = catalog;
        return catalog;
    }
}
