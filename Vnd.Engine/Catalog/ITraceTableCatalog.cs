using Vnd.Executor.Operators;
using Vnd.Planner.Catalog;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Engine.Catalog;

/// <summary>
/// The trace tables a session's system catalog describes: one tenant's (<see cref="TraceCatalog"/>), or every
/// tenant's for the admin. pg_catalog and information_schema list exactly these schemas and tables, nothing else.
/// </summary>
public interface ITraceTableCatalog : ICatalog
{
    /// <summary>The schemas of the tables, in the order pg_namespace lists them.</summary>
    IReadOnlyList<string> Schemas();

    /// <summary>Every table of those schemas.</summary>
    IReadOnlyList<TableDefinition> Tables();

    /// <summary>The batch source a logical scan of one of them reads.</summary>
    IBatchSource Source(Scan scan);
}
