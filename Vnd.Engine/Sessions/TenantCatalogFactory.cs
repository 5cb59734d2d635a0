using Vnd.Engine.Catalog;
using Vnd.Engine.Catalog.Metadata;
using Vnd.Engine.Catalog.System;
using Vnd.Engine.Control.Diagnoses;
using Vnd.Executor.Storage;

namespace Vnd.Engine.Sessions;

/// <summary>
/// The catalog a tenant's wire session sees: its trace tables (<see cref="TraceCatalog"/>), PostgreSQL's system
/// catalogs over them (<see cref="SystemCatalog"/>: what psql, Npgsql, JDBC and Grafana read), the metadata
/// relation <c>vnd.diagnoses</c>, and the <c>vnd.*</c> diagnosis functions. The admin gets every schema's tables
/// (<see cref="AllTenantsCatalog"/>) without emulation.
/// </summary>
public sealed class TenantCatalogFactory(TraceTableStore store, MetadataRelation metadata, DiagnosisFunctions? diagnoses) : ISessionCatalogFactory
{
    private readonly SystemRelations _relations = new();
    private readonly Lock _control = new();

    public SessionCatalog Open(SessionIdentity identity)
    {
        if (identity.Tenant is not { } tenant)
        {
            var all = new AllTenantsCatalog(store);
            return new SessionCatalog(all, all.Source);
        }
        var info = new SessionInfo(identity.Database, identity.User, tenant, identity.ProcessId);
        var system = new SystemCatalog(new TraceCatalog(store, tenant), info, _relations);
        var catalog = new MetadataCatalog(system, system.Source, () => MetadataRows(tenant));
        return new SessionCatalog(catalog, catalog.Source)
        {
            Info = info,
            BeginStatement = system.BeginStatement,
            CallService = diagnoses is null ? null : (function, arguments) => Call(tenant, function, arguments),
        };
    }

    /// <summary>The control state is one SQLite connection: reads and diagnosis calls take turns.</summary>
    private Executor.Operators.IBatchSource MetadataRows(string tenant)
    {
        lock (_control)
            return metadata.For(tenant).Source;
    }

    private string Call(string tenant, string function, IReadOnlyList<string?> arguments)
    {
        lock (_control)
            return diagnoses!.Call(tenant, function, arguments);
    }
}
