using Vnd.Engine.Catalog;
using Vnd.Engine.Catalog.Metadata;
using Vnd.Engine.Catalog.System;
using Vnd.Engine.Control.Diagnoses;
using Vnd.Engine.TableServer;
using Vnd.Executor.Storage;
using Vnd.Wire.Errors;

namespace Vnd.Engine.Sessions;

/// <summary>
/// The catalog a tenant's wire session sees: its trace tables (<see cref="TraceCatalog"/> over
/// <paramref name="traceTables"/>: the data directory, or the table servers' answers), PostgreSQL's system
/// catalogs over them (<see cref="SystemCatalog"/>: what psql, Npgsql, JDBC and Grafana read), the metadata
/// relation <c>vnd.diagnoses</c>, and the <c>vnd.*</c> diagnosis functions. The admin gets the same over every
/// tenant's schema (<see cref="AllTenantsCatalog"/>) and every tenant's metadata rows, without the diagnosis functions
/// (they act for one tenant).
/// </summary>
/// <remarks>With <paramref name="sites"/>, a tenant's queries run split over the table servers at its capture points.</remarks>
public sealed class TenantCatalogFactory(ITraceTables traceTables, MetadataRelation metadata, DiagnosisManager? manager,
    ITableServerDirectory? sites = null) : ISessionCatalogFactory
{
    private readonly DiagnosisFunctions? _diagnoses = manager is null ? null : new DiagnosisFunctions(manager);
    private readonly SystemRelations _relations = new();
    private readonly Lock _control = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ((long, long) Version, long CheckedAt, List<DiagnosisTable> Tables)> _capturedTables = new(StringComparer.Ordinal);

    /// <summary>
    /// How long a tenant's capture-point list is trusted without asking SQLite whether another process changed
    /// it; changes made through this server are seen at once. A placement that is late by this much only runs a
    /// new table's scans at the coordinator, over the same data: results never depend on it.
    /// </summary>
    private const long ExternalCheckMilliseconds = 250;

    public SessionCatalog Open(SessionIdentity identity)
    {
        var tenant = identity.Tenant;
        // The admin ("$user" names no schema) gets the same emulation over every tenant's schema and metadata rows.
        var info = new SessionInfo(identity.Database, identity.User, tenant ?? identity.User, identity.ProcessId);
        var temporary = new SessionTempTables();
        ITraceTableCatalog tables = tenant is null ? new AllTenantsCatalog(traceTables) : new TraceCatalog(traceTables, tenant);
        var system = new SystemCatalog(tables, info, _relations, temporaryTables: temporary.Definitions);
        var catalog = new MetadataCatalog(system, system.Source, () => MetadataRows(tenant));
        if (tenant is null)
        {
            // The admin reads table servers' tables where they are; in-process ones it reads straight from the store.
            return new SessionCatalog(catalog, catalog.Source)
            {
                Info = info, BeginStatement = system.BeginStatement, TempTables = temporary, CatalogJoinKeys = system.WithJoinKeys,
                Sites = sites is RemoteTableServers remote ? remote.ForAll : null,
            };
        }
        return new SessionCatalog(catalog, catalog.Source)
        {
            TempTables = temporary,
            Info = info,
            BeginStatement = system.BeginStatement,
            CatalogJoinKeys = system.WithJoinKeys,
            CallService = manager is null ? null : (function, arguments) => Call(tenant, function, arguments),
            AttachCapture = manager is null ? null : (table, file) => Attach(tenant, table, file),
            Sites = sites is null ? null : () => sites.For(tenant, CapturedTables(tenant)),
        };
    }

    /// <summary>The control state is one SQLite connection: reads and diagnosis calls take turns.</summary>
    private Executor.Operators.IBatchSource MetadataRows(string? tenant)
    {
        lock (_control)
            return metadata.For(tenant).Source;
    }

    /// <summary>
    /// Which capture point and table server fill each of the tenant's diagnosis tables, the capture point named
    /// as vnd.diagnoses shows it ("link A at re").
    /// </summary>
    /// <remarks>
    /// Asked for every statement: cached per tenant until the control state's version moves. A fresh cache entry is
    /// answered without the control lock: under pgbench's 200 sessions every statement queued on it (6% of the
    /// samples, waiting) while one of them asked SQLite for the version.
    /// </remarks>
    private IReadOnlyList<DiagnosisTable> CapturedTables(string tenant)
    {
        if (manager is null)
            return [];
        if (Fresh(tenant, Environment.TickCount64) is { } fresh)
            return fresh;
        var tables = new List<DiagnosisTable>();
        lock (_control)
        {
            var now = Environment.TickCount64;
            if (Fresh(tenant, now) is { } refreshed)
                return refreshed;
            var known = _capturedTables.TryGetValue(tenant, out var cached);
            var version = manager.StateVersion;
            if (known && cached.Version == version)
            {
                _capturedTables[tenant] = cached with { CheckedAt = now };
                return cached.Tables;
            }
            foreach (var diagnosis in manager.List(tenant))
            {
                foreach (var table in diagnosis.Tables)
                {
                    var point = diagnosis.Policy.CapturePoints.FirstOrDefault(p => p.Name == table.CapturePoint);
                    tables.Add(point is null ? table : table with { CapturePoint = MetadataRelation.VirtualName(point) });
                }
            }
            _capturedTables[tenant] = (version, now, tables);
        }
        return tables;
    }

    /// <summary>The cached tables of <paramref name="tenant"/> when nothing changed here and the external check is recent.</summary>
    private List<DiagnosisTable>? Fresh(string tenant, long now) =>
        _capturedTables.TryGetValue(tenant, out var cached) && cached.Version.Item2 == manager!.LocalStateChanges
            && now - cached.CheckedAt < ExternalCheckMilliseconds
            ? cached.Tables
            : null;

    private string Call(string tenant, string function, IReadOnlyList<string?> arguments)
    {
        lock (_control)
            return _diagnoses!.Call(tenant, function, arguments);
    }

    /// <summary>The capture file becomes the input of the capture point whose diagnosis fills <paramref name="table"/>.</summary>
    private long Attach(string tenant, string table, string file)
    {
        lock (_control)
        {
            foreach (var diagnosis in manager!.List(tenant))
            {
                if (diagnosis.Tables.FirstOrDefault(t => t.Table.Table == table) is not { } target)
                    continue;
                var result = manager.Attach(tenant, diagnosis.Name, target.CapturePoint, [file]);
                if (result.Failures.Count > 0)
                    throw new PgErrorException("22P04", $"COPY {table} FROM STDIN (FORMAT pcap): {result.Failures[0].Error}");
                return result.Summary.Packets;
            }
        }
        throw traceTables.Describe(tenant, table) is not null
            ? new PgErrorException("0A000", $"\"{table}\" is not filled by a diagnosis's capture point; import into it with vnd import")
            : new PgErrorException("42P01", $"relation \"{table}\" does not exist");
    }
}
