using Vnd.Executor.Operators;
using Vnd.Planner.Catalog;
using Vnd.Planner.Logical;

namespace Vnd.Engine.Sessions;

/// <summary>
/// What one session plans and runs against: the names the binder resolves (<see cref="Catalog"/>) and the batch
/// source behind every scan the planner produces (<see cref="ResolveTable"/>). A decorator (pg_catalog and
/// information_schema emulation) wraps both: it answers its own schemas and passes the rest to the tenant's catalog.
/// </summary>
public sealed record SessionCatalog(ICatalog Catalog, Func<Scan, IBatchSource> ResolveTable);
