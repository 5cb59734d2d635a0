using Vnd.Executor.Operators;
using Vnd.Planner.Catalog;
using Vnd.Planner.Logical;

namespace Vnd.Engine.Sessions;

/// <summary>
/// What one session plans and runs against: the names the binder resolves (<see cref="Catalog"/>) and the batch
/// source behind every scan the planner produces (<see cref="ResolveTable"/>). A decorator (pg_catalog and
/// information_schema emulation) wraps both: it answers its own schemas and passes the rest to the tenant's catalog.
/// </summary>
public sealed record SessionCatalog(ICatalog Catalog, Func<Scan, IBatchSource> ResolveTable)
{
    /// <summary>What the catalog knows of the session (settings, backend id); the session attaches its settings to it.</summary>
    public Catalog.System.SessionInfo? Info { get; init; }

    /// <summary>
    /// The table servers holding the tenant's trace tables, asked once per query (null: every scan is read here
    /// through <see cref="ResolveTable"/>). Queries are then split into fragments at their capture points.
    /// </summary>
    public Func<Executor.Remote.DistributedExecution>? Sites { get; init; }

    /// <summary>Rewrites a catalog-only plan before it is planned physically (the system catalog's join keys); null: none.</summary>
    public Func<LogicalPlan, BoundLiteral[]?, LogicalPlan>? CatalogJoinKeys { get; init; }

    /// <summary>Called before each statement is bound, so it sees tables created since the last one.</summary>
    public Action? BeginStatement { get; init; }

    /// <summary>Runs a <c>vnd.*</c> control-server function for the session's tenant (null: none offered).</summary>
    public Func<string, IReadOnlyList<string?>, string>? CallService { get; init; }

    /// <summary>The session's temporary tables, when the catalog lists them (pg_class); else the session keeps its own.</summary>
    public SessionTempTables? TempTables { get; init; }

    /// <summary>Imports a capture file as the input of the capture point that fills a trace table; returns its
    /// packets (COPY table FROM STDIN (FORMAT pcap)).</summary>
    public Func<string, string, long>? AttachCapture { get; init; }
}
