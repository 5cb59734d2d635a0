using Vnd.Capture.Fields;
using Vnd.Capture.Import;
using Vnd.Capture.ParseConfigs;
using Vnd.Capture.ParseConfigs.Validation;
using Vnd.Capture.Sources;
using Vnd.Engine.Catalog;
using Vnd.Engine.Control.Cloud;
using Vnd.Engine.Control.Configs;
using Vnd.Engine.Control.Policy;
using Vnd.Engine.Control.State;
using Vnd.Executor.Storage;

namespace Vnd.Engine.Control.Diagnoses;

/// <summary>
/// A tenant's diagnoses through their life (paper §3.1, §5.3.1): start (validate both configurations, compute the
/// collection policy next to every live one, derive the trace tables, store it all in one transaction), list,
/// stop, drop (delete its trace tables, freeing storage) and attach offline captures to a capture point. Every
/// operation is scoped to one tenant: another tenant's diagnosis is reported as missing.
/// </summary>
/// <remarks>
/// <paramref name="catalog"/> is where quotas measure the tenant's tables (default: <paramref name="tables"/>); a
/// control server in front of table servers measures theirs, since its own data directory holds none.
/// </remarks>
public sealed class DiagnosisManager(Func<CloudModel> cloud, ControlStateStore state, TraceTableStore tables, ITraceTables? catalog = null)
{
    private readonly ITraceTables _usage = catalog ?? new LocalTraceTables(tables);

    /// <summary>
    /// The buffers of one attach's imports (disk chunks, column arrays, read-ahead chunks) kept for the next file and
    /// the next attach, instead of ~50 MB allocated and faulted in per import. Bounded; the manager lives as long as
    /// the server that imports through it.
    /// </summary>
    private readonly ImportBufferPool _buffers = new();

    /// <summary>Starts a diagnosis. Throws <see cref="DiagnosisException"/> or <see cref="PolicyException"/>; either way nothing is stored.</summary>
    public Diagnosis Start(string tenant, string name, string collectionConfiguration, string parseConfiguration)
    {
        if (SqlIdentifier.Check(name, out _) is { } problem)
            throw new DiagnosisException(DiagnosisException.InvalidParameterValue, $"diagnosis name: {problem}");
        var model = cloud();
        var owner = model.FindTenant(tenant) ?? throw new PolicyException(
            PolicyException.InsufficientPrivilege, $"tenant \"{tenant}\" has no virtual network");
        TraceCollectionConfiguration collection;
        try
        {
            collection = TraceCollectionConfigurationParser.Parse(collectionConfiguration);
        }
        catch (ConfigurationException e)
        {
            throw ConfigurationErrors.Of("collection configuration", e);
        }
        var (parsed, bound) = ParseAndValidate(parseConfiguration);
        var request = DiagnosisRequestMapper.Map(tenant, collection);
        return state.AddDiagnosis(existing =>
        {
            var live = new List<CollectionPolicy>();
            var own = new List<Diagnosis>();
            foreach (var other in existing)
            {
                if (other.State == DiagnosisState.Running)
                    live.Add(other.Policy);
                if (other.Tenant != tenant)
                    continue;
                if (other.Name == name)
                    throw new DiagnosisException(DiagnosisException.DuplicateObject, $"diagnosis \"{name}\" already exists");
                own.Add(other);
            }
            TenantUsage.Measure(_usage, own).EnsureRoom(owner);
            var policy = PolicyComposer.Compute(model, request, live);
            var planned = DiagnosisTablePlanner.Plan(tenant, parsed, bound, policy);
            EnsureTablesFree(planned, own);
            return new Diagnosis(tenant, name, DiagnosisState.Running, collectionConfiguration, parseConfiguration, policy,
                planned, DateTimeOffset.UtcNow);
        });
    }

    /// <summary>A tenant's diagnoses by name.</summary>
    public IReadOnlyList<Diagnosis> List(string tenant) => state.List(tenant);

    /// <summary>Moves whenever the stored diagnoses may have changed (see <see cref="ControlStateStore.Version"/>).</summary>
    public (long External, long Local) StateVersion => state.Version;

    /// <summary>Changes made through this manager's store (see <see cref="ControlStateStore.LocalChanges"/>).</summary>
    public long LocalStateChanges => state.LocalChanges;

    /// <summary>Stops capturing: the diagnosis frees its collectors; its tables stay queryable. Stopping twice is harmless.</summary>
    public Diagnosis Stop(string tenant, string name)
    {
        var diagnosis = Get(tenant, name);
        if (diagnosis.State != DiagnosisState.Stopped)
            state.SetState(tenant, name, DiagnosisState.Stopped);
        return diagnosis with { State = DiagnosisState.Stopped };
    }

    /// <summary>
    /// Deletes the diagnosis and its trace tables (§5.3.1: storage is freed when the tenant is done). Tables go
    /// first: a crash in between leaves a diagnosis whose missing tables a second drop skips, never orphan tables.
    /// </summary>
    public TenantUsage Drop(string tenant, string name)
    {
        var diagnosis = Get(tenant, name);
        var freed = TenantUsage.Measure(_usage, [diagnosis]);
        foreach (var table in diagnosis.Tables)
        {
            if (tables.TableExists(table.Table))
                tables.DropTable(table.Table);
        }
        state.Delete(tenant, name);
        return freed;
    }

    /// <summary>
    /// Offline diagnosis: imports capture files as the input of one capture point (named as its trace,
    /// <c>lb.input</c>, or its short name, <c>lb_in</c>) into that capture point's trace tables only.
    /// Unreadable files are reported and skipped.
    /// </summary>
    public AttachResult Attach(string tenant, string name, string capturePoint, IReadOnlyList<string> files, TraceImportOptions? options = null)
    {
        var diagnosis = Get(tenant, name);
        var point = diagnosis.Policy.CapturePoints.FirstOrDefault(p => TraceTableNames.Applies(capturePoint, p.Name))
            ?? throw new DiagnosisException(DiagnosisException.UndefinedObject,
                $"capture point \"{capturePoint}\" does not exist in diagnosis \"{name}\"");
        var owner = cloud().FindTenant(tenant) ?? throw DiagnosisException.NotFound(name);
        TenantUsage.Measure(_usage, state.List(tenant)).EnsureRoom(owner);
        var (_, bound) = ParseAndValidate(diagnosis.ParseConfiguration);
        var configuration = DiagnosisTablePlanner.ForCapturePoint(bound, diagnosis, point.Name);
        var failures = new List<(string, string)>();
        var imported = new List<string>();
        ImportSummary summary;
        var existed = ControlStateStore.ExistingTables(tables, tenant);
        options ??= TraceImportOptions.Default;
        var storage = options.Storage.Buffers is null ? options.Storage with { Buffers = _buffers } : options.Storage;
        var reading = new CaptureReaderOptions { Buffers = storage.Buffers };
        using (var importer = new TraceImporter(tables, tenant, configuration, FieldCatalog.Default,
            options with { TraceId = point.Name, Storage = storage }))
        {
            foreach (var file in files)
            {
                try
                {
                    using var source = CaptureFile.Open(file, reading);
                    importer.Import(source, Path.GetFileName(file));
                    imported.Add(file);
                }
                catch (Exception e) when (e is CaptureFormatException or IOException or UnauthorizedAccessException)
                {
                    failures.Add((Path.GetFileName(file), e.Message));
                }
            }
            summary = importer.Complete();
        }
        state.RecordImport(tenant, summary, existed);
        // The summary lists the inputs read to their end, in the order imported.
        for (var i = 0; i < imported.Count; i++)
        {
            state.RecordCapture(tenant, name, new AttachedCapture(point.Name, Path.GetFullPath(imported[i]),
                summary.Sources[i].Packets, new FileInfo(imported[i]).Length, DateTimeOffset.UtcNow));
        }
        return new AttachResult(point.Name, summary, failures);
    }

    private Diagnosis Get(string tenant, string name) => state.Find(tenant, name) ?? throw DiagnosisException.NotFound(name);

    private void EnsureTablesFree(IReadOnlyList<DiagnosisTable> planned, List<Diagnosis> own)
    {
        foreach (var table in planned)
        {
            foreach (var other in own)
            {
                if (other.Tables.Any(t => t.Table == table.Table))
                    throw new DiagnosisException(DiagnosisException.DuplicateObject,
                        $"trace table \"{table.Table.Table}\" already belongs to diagnosis \"{other.Name}\"; drop it or rename the tables");
            }
            if (tables.TableExists(table.Table))
                throw new DiagnosisException(DiagnosisException.DuplicateTable, $"trace table \"{table.Table.Table}\" already exists");
        }
    }

    private static (ParseConfiguration Parsed, BoundParseConfiguration Bound) ParseAndValidate(string text)
    {
        try
        {
            var parsed = ParseConfigurationParser.Parse(text);
            return (parsed, ParseConfigurationValidator.Validate(parsed, new CatalogFieldResolver(FieldCatalog.Default)));
        }
        catch (ConfigurationException e)
        {
            throw ConfigurationErrors.Of("parse configuration", e);
        }
    }
}
