using Vnd.Executor.Operators;
using Vnd.Planner.Catalog;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Engine.Catalog.System;

/// <summary>
/// A tenant's catalog as a PostgreSQL client sees it: the tenant's <see cref="TraceCatalog"/> plus the schemas
/// pg_catalog and information_schema, whose relations are computed in memory from the tenant's own objects and the
/// session (<see cref="SessionInfo"/>), and the catalog functions clients call. One per session.
/// </summary>
/// <remarks>
/// Call <see cref="BeginStatement"/> before binding each statement: the relations and the catalog functions then
/// read one snapshot of the tenant's tables for the whole statement, and see tables created since the last one.
/// </remarks>
public sealed class SystemCatalog : ICatalog, IRelationOids
{
    private readonly ITraceTableCatalog _tenant;
    private readonly SystemRelations _relations;
    private readonly Func<IReadOnlyList<SessionInfo>> _sessions;
    private readonly Dictionary<string, List<FunctionSignature>> _functions = new(StringComparer.Ordinal);
    private readonly Func<IReadOnlyList<TableDefinition>>? _temporary;
    private CatalogSnapshot? _snapshot;

    /// <param name="tenant">The tenant's trace tables (or, for the admin, every tenant's).</param>
    /// <param name="session">This session (user, database, settings, backend id).</param>
    /// <param name="relations">The built-in relations (shareable between sessions).</param>
    /// <param name="tenantSessions">The tenant's live sessions for pg_stat_activity; only this session when null.</param>
    /// <param name="temporaryTables">The session's temporary tables (schema pg_temp) for pg_class; none when null.</param>
    public SystemCatalog(ITraceTableCatalog tenant, SessionInfo session, SystemRelations? relations = null, Func<IReadOnlyList<SessionInfo>>? tenantSessions = null,
        Func<IReadOnlyList<TableDefinition>>? temporaryTables = null)
    {
        _temporary = temporaryTables;
        _tenant = tenant;
        Session = session;
        _relations = relations ?? new SystemRelations();
        _sessions = tenantSessions ?? (() => [session]);
        SearchPath = SqlList.From(["pg_catalog", .. tenant.SearchPath]);
        foreach (var function in SessionFunctions.For(session).Concat(ObjectFunctions.For(Snapshot)).Concat(NameLookupFunctions.For(Snapshot)))
        {
            if (!_functions.TryGetValue(function.Name, out var overloads))
                _functions[function.Name] = overloads = [];
            overloads.Add(function);
        }
    }

    public SessionInfo Session { get; }

    /// <summary>
    /// Whether scans of pg_class, pg_attribute and information_schema.tables/columns build only the rows their
    /// filters' keys admit (on by default; off, every row is built and filtered, which tests compare against).
    /// </summary>
    public bool KeyPushdown { get; init; } = true;

    /// <summary>Rows the written system relations built for this session so far (a measure of the work, for tests).</summary>
    public long RowsWritten { get; private set; }

    /// <summary>pg_catalog first, as PostgreSQL searches it implicitly before the search path, then the tenant's schema (the admin: none).</summary>
    public SqlList<string> SearchPath { get; }

    /// <summary>Forgets the snapshot, so the next statement sees the tenant's tables as they are now.</summary>
    public void BeginStatement() => _snapshot = null;

    public CatalogSnapshot Snapshot()
    {
        if (_snapshot is { } snapshot)
            return snapshot;
        var temporary = _temporary?.Invoke() ?? [];
        var names = _tenant.TableNames();
        if (temporary.Count > 0)
            names = [.. names, .. temporary.Select(t => (CatalogSnapshot.TempSchema, t.Name))];
        return _snapshot = new CatalogSnapshot(Session, _sessions(), names, (schema, name) => Describe(temporary, schema, name), _relations.All, _tenant.Schemas());
    }

    /// <summary>A listed table's definition, read when a statement first needs its columns or statistics.</summary>
    private TableDefinition? Describe(IReadOnlyList<TableDefinition> temporary, string schema, string name)
    {
        if (schema != CatalogSnapshot.TempSchema)
            return _tenant.FindTable(schema, name);
        foreach (var table in temporary)
        {
            if (table.Name == name)
                return table;
        }
        return null;
    }

    public int? RelationOid(string schema, string table) => (_snapshot ?? RelationsSnapshot()).FindRelation(schema, table);

    /// <summary>
    /// A snapshot to answer relation OIDs from when this statement has none yet. OIDs depend only on which relations
    /// exist (system relations, schemas, tables), not on their definitions or the sessions, so while the tenant's
    /// table list is the same list (<see cref="ITraceTableCatalog.TableNames"/>), its schemas are the same and the
    /// session has no temporary table, the last such snapshot allocates the OIDs a new one would. A reused plan asks
    /// for its result columns' table OIDs on every statement; building a snapshot for that was 7% of a small query.
    /// </summary>
    private CatalogSnapshot RelationsSnapshot()
    {
        var names = _tenant.TableNames();
        var schemas = _tenant.Schemas();
        if (_relationsSnapshot is { } last && ReferenceEquals(last.Names, names) && last.Schemas.SequenceEqual(schemas)
            && (_temporary is null || _temporary().Count == 0))
            return last.Snapshot;
        var snapshot = Snapshot();
        _relationsSnapshot = snapshot.HasTempTables ? null : new RelationsSnapshotOf(names, schemas, snapshot);
        return snapshot;
    }

    private RelationsSnapshotOf? _relationsSnapshot;

    /// <summary>A snapshot with the table list and schemas it was built from.</summary>
    private sealed record RelationsSnapshotOf(IReadOnlyList<(string Schema, string Name)> Names, IReadOnlyList<string> Schemas, CatalogSnapshot Snapshot);

    public bool SchemaExists(string schema) => schema is "pg_catalog" or "information_schema" || _tenant.SchemaExists(schema);

    public TableDefinition? FindTable(string schema, string name) =>
        _relations.Find(schema, name)?.Definition ?? _tenant.FindTable(schema, name);

    public ViewDefinition? FindView(string schema, string name) => _tenant.FindView(schema, name);

    public IReadOnlyList<FunctionSignature> FindFunctions(string name)
    {
        var builtins = _tenant.FindFunctions(name);
        if (!_functions.TryGetValue(name, out var own))
            return builtins;
        return builtins.Count == 0 ? own : [.. own, .. builtins];
    }

    /// <summary>
    /// A catalog-only plan with the keys of its joins passed into the relations filtered only through them
    /// (<see cref="CatalogJoinKeys"/>); unchanged when <see cref="KeyPushdown"/> is off or the plan reads a trace table.
    /// </summary>
    public LogicalPlan WithJoinKeys(LogicalPlan plan, Vnd.Planner.Logical.BoundLiteral[]? parameters) =>
        KeyPushdown ? CatalogJoinKeys.Reduce(plan, Source, parameters) : plan;

    /// <summary>
    /// The rows a scan reads: a system relation's rows for this session, or the tenant's trace table. A written
    /// relation gets the keys of the scan's filters (unless <see cref="KeyPushdown"/> is off), so psql's
    /// <c>c.oid = '16384'</c> builds one pg_class row, not one per table.
    /// </summary>
    public IBatchSource Source(Scan scan)
    {
        var relation = _relations.Find(scan.Schema, scan.Table);
        if (relation is null)
            return _tenant.Source(scan);
        if (relation.Writer is { } writer)
        {
            var rows = new CatalogRowWriter(relation.Columns, scan.Columns.Select(c => c.Ordinal));
            writer(Snapshot(), KeyPushdown ? CatalogScanKeys.From(scan) : CatalogScanKeys.None, rows);
            RowsWritten += rows.Rows;
            return rows.Table;
        }
        var types = relation.Columns.Select(c => c.Type).ToArray();
        return InMemoryTable.FromRows(types, relation.Rows!(Snapshot()), relation.Columns.Select(c => c.Name).ToArray());
    }
}
