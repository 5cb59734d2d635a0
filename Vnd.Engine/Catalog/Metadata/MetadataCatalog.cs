using Vnd.Executor.Operators;
using Vnd.Planner.Catalog;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Engine.Catalog.Metadata;

/// <summary>
/// Adds the metadata relation <c>vnd.diagnoses</c> (§3.3.2) to a tenant's catalog. Its rows are read when a scan
/// of it is opened, from the control state, filtered to <paramref name="tenant"/> before any user predicate can
/// see them (<paramref name="tenantRows"/>: <see cref="MetadataRelation.For"/> of the session's tenant).
/// </summary>
public sealed class MetadataCatalog(ICatalog inner, Func<Scan, IBatchSource> innerSource, Func<IBatchSource> tenantRows) : ICatalog, IRelationOids
{
    private readonly TableDefinition _definition = Definition();

    public SqlList<string> SearchPath => inner.SearchPath;

    public bool SchemaExists(string schema) => schema == MetadataRelation.Schema || inner.SchemaExists(schema);

    public TableDefinition? FindTable(string schema, string name) =>
        IsMetadata(schema, name) ? _definition : inner.FindTable(schema, name);

    public ViewDefinition? FindView(string schema, string name) => inner.FindView(schema, name);

    public IReadOnlyList<FunctionSignature> FindFunctions(string name) => inner.FindFunctions(name);

    public int? RelationOid(string schema, string table) => (inner as IRelationOids)?.RelationOid(schema, table);

    public IBatchSource Source(Scan scan) =>
        IsMetadata(scan.Schema, scan.Table) ? tenantRows() : innerSource(scan);

    private static bool IsMetadata(string schema, string name) => schema == MetadataRelation.Schema && name == MetadataRelation.Table;

    private static TableDefinition Definition()
    {
        var columns = new ColumnDefinition[MetadataColumns.Names.Count];
        for (var c = 0; c < columns.Length; c++)
            columns[c] = new ColumnDefinition(MetadataColumns.Names[c], MetadataColumns.Types[c], null);
        return new TableDefinition(MetadataRelation.Schema, MetadataRelation.Table, SqlList.From(columns), null);
    }
}
