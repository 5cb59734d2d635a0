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

    /// <summary>
    /// Every table of those schemas by (schema, name), without describing them: listing names is one directory read,
    /// describing costs a manifest per table, so the system catalog describes only the tables a statement reads
    /// columns or statistics of (through <see cref="ICatalog.FindTable"/>).
    /// </summary>
    IReadOnlyList<(string Schema, string Name)> TableNames();

    /// <summary>The batch source a logical scan of one of them reads.</summary>
    IBatchSource Source(Scan scan);
}
