using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Catalog;

/// <summary>
/// A catalog held in dictionaries: the engine fills one per tenant session from its trace-table manifests, and
/// tests build one directly. Functions default to <see cref="BuiltinFunctions"/>.
/// </summary>
public sealed class InMemoryCatalog : ICatalog
{
    private readonly Dictionary<(string, string), TableDefinition> _tables = [];
    private readonly Dictionary<(string, string), ViewDefinition> _views = [];
    private readonly HashSet<string> _schemas = ["public", "pg_catalog"];
    private readonly Dictionary<string, List<FunctionSignature>> _functions = [];

    public InMemoryCatalog(SqlList<string>? searchPath = null, IEnumerable<FunctionSignature>? functions = null)
    {
        SearchPath = searchPath ?? ["public"];
        foreach (var function in functions ?? BuiltinFunctions.All)
        {
            AddFunction(function);
        }
    }

    public SqlList<string> SearchPath { get; set; }

    public InMemoryCatalog AddSchema(string schema)
    {
        _schemas.Add(schema);
        return this;
    }

    public InMemoryCatalog AddTable(TableDefinition table)
    {
        _schemas.Add(table.Schema);
        _tables[(table.Schema, table.Name)] = table;
        return this;
    }

    public InMemoryCatalog AddView(ViewDefinition view)
    {
        _schemas.Add(view.Schema);
        _views[(view.Schema, view.Name)] = view;
        return this;
    }

    public InMemoryCatalog AddFunction(FunctionSignature function)
    {
        if (!_functions.TryGetValue(function.Name, out var list))
        {
            list = [];
            _functions[function.Name] = list;
        }
        list.Add(function);
        return this;
    }

    public bool SchemaExists(string schema) => _schemas.Contains(schema);

    public TableDefinition? FindTable(string schema, string name) => _tables.GetValueOrDefault((schema, name));

    public ViewDefinition? FindView(string schema, string name) => _views.GetValueOrDefault((schema, name));

    public IReadOnlyList<FunctionSignature> FindFunctions(string name) =>
        _functions.TryGetValue(name, out var list) ? list : [];
}
