using Vnd.Planner.Catalog;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Engine.Catalog.System;

/// <summary>
/// Everything the system relations show one session, taken once per statement: the session, the tenant's schema
/// and trace tables with their OIDs, and the built-in relations. Other tenants are absent by construction: the only
/// user objects listed are those the tenant's <see cref="TraceCatalog"/> enumerates. Tables are listed by name; their
/// columns and statistics are described on first use (<see cref="RelationEntry.Columns"/>), so a statement that reads
/// only names and OIDs (psql's <c>\dt</c>, a <c>relname</c> look-up) opens no manifest, however many tables there are.
/// </summary>
public sealed class CatalogSnapshot
{
    public const int PgCatalogNamespace = 11;
    public const int InformationSchemaNamespace = 13200;
    public const int BootstrapRole = 10;
    public const int DatabaseOid = 5;
    public const int HeapAccessMethod = 2;

    private readonly List<(int Oid, string Name)> _schemas = [];

    /// <param name="tables">The user tables by (schema, name); schema <see cref="TempSchema"/> for the session's temporary tables.</param>
    /// <param name="describe">A listed table's columns and statistics (null when it went away since it was listed).</param>
    /// <param name="schemas">The user schemas listed (the admin: every tenant's); the session's own schema when null.</param>
    public CatalogSnapshot(SessionInfo session, IReadOnlyList<SessionInfo> sessions, IReadOnlyList<(string Schema, string Name)> tables,
        Func<string, string, TableDefinition?> describe, IReadOnlyList<SystemRelation> system, IReadOnlyList<string>? schemas = null)
    {
        Session = session;
        Sessions = sessions;
        System = system;
        var used = new HashSet<int>();
        foreach (var relation in system)
            used.Add(relation.Oid);
        foreach (var schema in schemas ?? [session.Schema])
            _schemas.Add((RelationOids.Allocate("schema", schema, "", used), schema));
        SchemaOid = _schemas.Count > 0 ? _schemas[0].Oid : 0;
        TempSchemaOid = RelationOids.Allocate("schema", TempSchema, "", used);
        var relations = new List<RelationEntry>();
        foreach (var relation in system)
        {
            var ns = relation.Schema == "pg_catalog" ? PgCatalogNamespace : InformationSchemaNamespace;
            relations.Add(new RelationEntry(relation.Oid, relation.Schema, ns, relation.Name, relation.Kind, relation.Columns));
        }
        foreach (var table in tables.OrderBy(t => t.Schema, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal))
        {
            var oid = RelationOids.Allocate("table", table.Schema, table.Name, used);
            var temp = table.Schema == TempSchema;
            HasTempTables |= temp;
            relations.Add(new RelationEntry(oid, table.Schema, temp ? TempSchemaOid : Namespace(table.Schema), table.Name, describe));
        }
        Relations = relations;
    }

    public SessionInfo Session { get; }

    /// <summary>The tenant's sessions pg_stat_activity lists (at least this one).</summary>
    public IReadOnlyList<SessionInfo> Sessions { get; }

    public IReadOnlyList<SystemRelation> System { get; }

    public int SchemaOid { get; }

    /// <summary>The session's temporary schema (its temporary tables; listed only while it has some).</summary>
    public const string TempSchema = "pg_temp";

    public int TempSchemaOid { get; }

    public bool HasTempTables { get; }

    /// <summary>Built-in relations first, then the trace tables and the session's temporary tables by schema and name.</summary>
    public IReadOnlyList<RelationEntry> Relations { get; }

    /// <summary>(OID, name) of every schema the session sees.</summary>
    public IEnumerable<(int Oid, string Name)> Namespaces()
    {
        yield return (PgCatalogNamespace, "pg_catalog");
        yield return (InformationSchemaNamespace, "information_schema");
        foreach (var schema in _schemas)
            yield return schema;
        if (HasTempTables)
            yield return (TempSchemaOid, TempSchema);
    }

    /// <summary>A relation's OID from its name as regclass reads it: qualified, or searched in pg_catalog then the tenant's schema.</summary>
    public int? FindRelation(string? schema, string name)
    {
        foreach (var relation in Relations)
        {
            if (relation.Name == name && (schema is null ? relation.Schema != "information_schema" : relation.Schema == schema))
                return relation.Oid;
        }
        return null;
    }

    private int Namespace(string schema)
    {
        foreach (var (oid, name) in _schemas)
        {
            if (name == schema)
                return oid;
        }
        return SchemaOid;
    }

    public int? FindNamespace(string name)
    {
        foreach (var (oid, ns) in Namespaces())
        {
            if (ns == name)
                return oid;
        }
        return null;
    }
}
