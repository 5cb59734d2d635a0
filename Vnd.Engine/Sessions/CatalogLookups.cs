using Vnd.Engine.Catalog.Metadata;
using Vnd.Planner.Catalog;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Engine.Sessions;

/// <summary>
/// Every answer the catalog gave while one query was bound and described (search_path, schemas, tables, views,
/// functions, relation OIDs), recorded by passing this in place of the session's catalog. A plan made from these
/// answers is still the plan the query would get while <see cref="StillHold"/>: a dropped or re-created table or
/// view, a temporary object that now shadows a name, a changed search_path or a table whose columns or statistics
/// moved all change an answer, and a catalog of another tenant answers differently from the first look-up on.
/// </summary>
public sealed class CatalogLookups(ICatalog inner) : ICatalog, Catalog.IRelationOids
{
    private readonly List<Lookup> _lookups = [];
    private SqlList<string>? _searchPath;

    /// <summary>
    /// False when binding depended on more than the catalog's answers: a function folded at bind time from the
    /// session (current_user, current_setting, set_config, to_regclass…), or a system or metadata relation, whose
    /// rows and definitions pg_catalog rebuilds per statement. Such a plan is never reused.
    /// </summary>
    public bool Reusable { get; private set; } = true;

    public SqlList<string> SearchPath => _searchPath ??= inner.SearchPath;

    public bool SchemaExists(string schema)
    {
        var exists = inner.SchemaExists(schema);
        _lookups.Add(new Lookup(LookupKind.Schema, schema, "", exists));
        return exists;
    }

    public TableDefinition? FindTable(string schema, string name)
    {
        var table = inner.FindTable(schema, name);
        _lookups.Add(new Lookup(LookupKind.Table, schema, name, table));
        if (table is not null && IsSystem(schema))
            Reusable = false;
        return table;
    }

    public ViewDefinition? FindView(string schema, string name)
    {
        var view = inner.FindView(schema, name);
        _lookups.Add(new Lookup(LookupKind.View, schema, name, view));
        if (view is not null && IsSystem(schema))
            Reusable = false;
        return view;
    }

    public IReadOnlyList<FunctionSignature> FindFunctions(string name)
    {
        var functions = inner.FindFunctions(name);
        _lookups.Add(new Lookup(LookupKind.Functions, "", name, functions));
        foreach (var function in functions)
        {
            if (function.Expand is not null)
                Reusable = false;
        }
        return functions;
    }

    public int? RelationOid(string schema, string table)
    {
        var oid = (inner as Catalog.IRelationOids)?.RelationOid(schema, table);
        _lookups.Add(new Lookup(LookupKind.Oid, schema, table, oid));
        return oid;
    }

    /// <summary>True when <paramref name="catalog"/> gives every recorded answer again.</summary>
    public bool StillHold(ICatalog catalog)
    {
        if (_searchPath is not null && !_searchPath.Equals(catalog.SearchPath))
            return false;
        foreach (var lookup in _lookups)
        {
            var same = lookup.Kind switch
            {
                LookupKind.Schema => (bool)lookup.Answer! == catalog.SchemaExists(lookup.Schema),
                LookupKind.Table => Equals(lookup.Answer, catalog.FindTable(lookup.Schema, lookup.Name)),
                LookupKind.View => Equals(lookup.Answer, catalog.FindView(lookup.Schema, lookup.Name)),
                LookupKind.Functions => SameFunctions((IReadOnlyList<FunctionSignature>)lookup.Answer!, catalog.FindFunctions(lookup.Name)),
                _ => Equals(lookup.Answer, (catalog as Catalog.IRelationOids)?.RelationOid(lookup.Schema, lookup.Name)),
            };
            if (!same)
                return false;
        }
        return true;
    }

    private static bool SameFunctions(IReadOnlyList<FunctionSignature> recorded, IReadOnlyList<FunctionSignature> now)
    {
        if (ReferenceEquals(recorded, now))
            return true;
        if (recorded.Count != now.Count)
            return false;
        for (var i = 0; i < now.Count; i++)
        {
            if (!ReferenceEquals(recorded[i], now[i]) && !recorded[i].Equals(now[i]))
                return false;
        }
        return true;
    }

    private static bool IsSystem(string schema) =>
        schema is "pg_catalog" or "information_schema" || schema == MetadataRelation.Schema;

    private enum LookupKind : byte
    {
        Schema,
        Table,
        View,
        Functions,
        Oid,
    }

    /// <summary>One question asked of the catalog and its answer (a definition, a list, a bool or an OID).</summary>
    private readonly record struct Lookup(LookupKind Kind, string Schema, string Name, object? Answer);
}
