using Vnd.Planner.Catalog;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Engine.Sessions;

/// <summary>
/// Applies the session's search_path to the catalog it wraps, as PostgreSQL does: <c>$user</c> names the
/// user's schema, schemas that do not exist are skipped silently, and pg_catalog is searched first unless the path
/// places it explicitly (only when the wrapped catalog has one, i.e. once catalog emulation is composed in).
/// <para>
/// <see cref="SchemaExists"/> answers true for every name: PostgreSQL reports <c>nosuch.t</c> as
/// <c>relation "nosuch.t" does not exist</c> (42P01), and a tenant must not be able to tell another tenant's schema
/// from a schema that does not exist, so a qualified name whose schema is not visible fails like a missing table.
/// </para>
/// </summary>
public sealed class SearchPathCatalog(ICatalog inner, string user, SessionTempTables? tempTables = null) : ICatalog, Catalog.IRelationOids
{
    /// <summary>The session's own schema for temporary objects, searched first as PostgreSQL searches pg_temp.</summary>
    public const string TempSchema = "pg_temp";

    private readonly Dictionary<string, ViewDefinition> _tempViews = new(StringComparer.Ordinal);
    private SqlList<string> _path = inner.SearchPath;

    /// <summary>The session's temporary tables (pg_temp holds them beside the temporary views).</summary>
    public SessionTempTables TempTables { get; } = tempTables ?? new SessionTempTables();

    public SqlList<string> SearchPath => _tempViews.Count == 0 && TempTables.Count == 0 ? _path : SqlList.From([TempSchema, .. _path]);

    /// <summary>42P07 when pg_temp already has a view or table of that name (one namespace, as in PostgreSQL).</summary>
    public void EnsureTempNameFree(string name)
    {
        if (_tempViews.ContainsKey(name) || TempTables.Contains(name))
            throw new Vnd.Wire.Errors.PgErrorException("42P07", $"relation \"{name}\" already exists");
    }

    /// <summary>CREATE [OR REPLACE] TEMP VIEW: visible to this session only and gone when it ends.</summary>
    public void CreateTempView(ViewDefinition view, bool orReplace)
    {
        if (!orReplace || TempTables.Contains(view.Name))
            EnsureTempNameFree(view.Name);
        _tempViews[view.Name] = view with { Schema = TempSchema };
    }

    /// <summary>DROP VIEW of a temporary view; false when the session has none of that name.</summary>
    public bool DropTempView(string name) => _tempViews.Remove(name);

    /// <summary>DISCARD ALL / DISCARD TEMP.</summary>
    public void DropTempViews() => _tempViews.Clear();

    /// <summary>
    /// pg_temp as it is at BEGIN: PostgreSQL's catalog changes are transactional, so ROLLBACK takes back the
    /// temporary tables and views created in the block and brings back those it dropped.
    /// </summary>
    public TempSnapshot SaveTemp() => new(new Dictionary<string, ViewDefinition>(_tempViews, StringComparer.Ordinal), TempTables.Save());

    /// <summary>ROLLBACK of a block: pg_temp returns to <paramref name="snapshot"/>.</summary>
    public void RestoreTemp(TempSnapshot snapshot)
    {
        _tempViews.Clear();
        foreach (var (name, view) in snapshot.Views)
            _tempViews[name] = view;
        TempTables.Restore(snapshot.Tables);
    }

    /// <summary>What <see cref="SaveTemp"/> kept.</summary>
    public sealed record TempSnapshot(IReadOnlyDictionary<string, ViewDefinition> Views, SessionTempTables.Snapshot Tables);

    /// <summary>current_schema(): the first schema the search_path names that exists (implicit pg_catalog does not count).</summary>
    public string? CurrentSchema { get; private set; }

    /// <summary>Resolves a search_path value (already split into names) against the schemas that exist now.</summary>
    public void SetPath(IReadOnlyList<string> names)
    {
        var path = new List<string>();
        var implicitCatalog = !names.Contains("pg_catalog") && inner.SchemaExists("pg_catalog");
        if (implicitCatalog)
            path.Add("pg_catalog");
        foreach (var name in names)
        {
            var schema = name == "$user" ? user : name;
            if (inner.SchemaExists(schema) && !path.Contains(schema))
                path.Add(schema);
        }
        _path = SqlList.From(path);
        CurrentSchema = path.Count > (implicitCatalog ? 1 : 0) ? path[implicitCatalog ? 1 : 0] : null;
    }

    public bool SchemaExists(string schema) => true;

    public TableDefinition? FindTable(string schema, string name) =>
        schema == TempSchema ? TempTables.Find(name) : inner.FindTable(schema, name);

    public ViewDefinition? FindView(string schema, string name) =>
        schema == TempSchema ? _tempViews.GetValueOrDefault(name) : inner.FindView(schema, name);

    public IReadOnlyList<FunctionSignature> FindFunctions(string name) => inner.FindFunctions(name);

    public int? RelationOid(string schema, string table) => (inner as Catalog.IRelationOids)?.RelationOid(schema, table);
}
