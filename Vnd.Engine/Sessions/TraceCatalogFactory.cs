using Vnd.Engine.Catalog;
using Vnd.Executor.Storage;

namespace Vnd.Engine.Sessions;

/// <summary>
/// Catalogs straight over a data directory: a tenant gets its <see cref="TraceCatalog"/> (only its own schema
/// exists), the admin an <see cref="AllTenantsCatalog"/> (every schema in the store).
/// </summary>
public sealed class TraceCatalogFactory(TraceTableStore store) : ISessionCatalogFactory
{
    public SessionCatalog Open(SessionIdentity identity)
    {
        if (identity.Tenant is { } tenant)
        {
            var catalog = new TraceCatalog(store, tenant);
            return new SessionCatalog(catalog, catalog.Source);
        }
        var all = new AllTenantsCatalog(store);
        return new SessionCatalog(all, all.Source);
    }
}
