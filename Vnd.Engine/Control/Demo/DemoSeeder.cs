using System.Diagnostics;
using Vnd.Capture.Fields;
using Vnd.Capture.Import;
using Vnd.Capture.ParseConfigs;
using Vnd.Capture.ParseConfigs.Validation;
using Vnd.Capture.Sources;
using Vnd.Capture.Synthetic.Demo;
using Vnd.Engine.Control.Cloud;
using Vnd.Engine.Control.Diagnoses;
using Vnd.Engine.Control.State;
using Vnd.Executor.Storage;

namespace Vnd.Engine.Control.Demo;

/// <summary>
/// Fills a data directory with the embedded demo (issue 5 item 6): tenant1's diagnosis <c>demo</c> of the paper's
/// chain (capture points A, B, C → tables <c>a</c>, <c>b</c>, <c>c</c>) and tenant2's diagnosis <c>demo</c> of its
/// load balancer (<c>lb_in</c>, <c>lb_out</c>), each started through the <see cref="DiagnosisManager"/> like a
/// tenant's request, fed the generated traffic as offline captures, then stopped (capture is over; the tables stay
/// and the collector ports are free for the tenants' own diagnoses). Each tenant also gets the offline table
/// <see cref="DemoDiagnoses.OfflineTable"/>.
/// <para>
/// Idempotent: a part already complete (the diagnosis with a capture attached at every capture point, the offline
/// table with all its rows) is left alone; a part interrupted by a crash is dropped and seeded again.
/// </para>
/// </summary>
public sealed class DemoSeeder(CloudModel cloud, ControlStateStore state, TraceTableStore tables)
{
    private const string ChainTenant = "tenant1";
    private const string WebTenant = "tenant2";

    // The offline tables are the captures of A (tenant1) and of the lb's input (tenant2), imported again.
    private const string ChainOfflineSource = "a";
    private const string WebOfflineSource = "lb_in";

    /// <summary>The chain scenario's timing; tests may shorten it.</summary>
    public ChainScenarioOptions Chain { get; init; } = new();

    /// <summary>The web tier's traffic; tests may shorten it.</summary>
    public WebTierOptions Web { get; init; } = new();

    /// <summary>Seeds <paramref name="dataDirectory"/> (control state and trace tables) with the built-in demo cloud.</summary>
    public static DemoSummary Seed(string dataDirectory)
    {
        using var state = new ControlStateStore(dataDirectory);
        return new DemoSeeder(DemoCloud.Load(), state, new TraceTableStore(dataDirectory)).SeedInto(dataDirectory);
    }

    /// <summary>Seeds what is missing; capture files are written under <paramref name="dataDirectory"/>.</summary>
    public DemoSummary SeedInto(string dataDirectory)
    {
        var clock = Stopwatch.StartNew();
        var manager = new DiagnosisManager(() => cloud, state, tables);
        var wrote = false;
        if (!Complete(ChainTenant, ChainOfflineSource))
        {
            var files = DemoCaptures.WriteChain(dataDirectory, Chain);
            SeedDiagnosis(manager, ChainTenant, DemoDiagnoses.ChainCollection, DemoDiagnoses.ChainParse, files);
            SeedOffline(ChainTenant, files[ChainOfflineSource]);
            wrote = true;
        }
        if (!Complete(WebTenant, WebOfflineSource))
        {
            var files = DemoCaptures.WriteWebTier(dataDirectory, Web);
            SeedDiagnosis(manager, WebTenant, DemoDiagnoses.WebCollection, DemoDiagnoses.WebParse, files);
            SeedOffline(WebTenant, files[WebOfflineSource]);
            wrote = true;
        }
        return new DemoSummary(!wrote, Describe(), clock.Elapsed);
    }

    /// <summary>
    /// The tenant's demo is complete when its diagnosis has a capture attached at every capture point with every
    /// table present, and its offline table holds one row per frame of the capture it was imported from.
    /// </summary>
    private bool Complete(string tenant, string offlineSource)
    {
        var diagnosis = state.Find(tenant, DemoDiagnoses.Name);
        if (diagnosis is null)
            return false;
        var captured = state.Captures(tenant, DemoDiagnoses.Name);
        foreach (var point in diagnosis.Policy.CapturePoints)
        {
            if (!captured.Any(c => c.CapturePoint == point.Name))
                return false;
        }
        if (!diagnosis.Tables.All(t => tables.TableExists(t.Table)))
            return false;
        var offline = new TableRef(tenant, DemoDiagnoses.OfflineTable);
        var source = captured.FirstOrDefault(c => TraceTableNames.ShortName(c.CapturePoint) == offlineSource);
        return source is not null && tables.TableExists(offline) && tables.RowCount(offline) == source.Packets;
    }

    private void SeedDiagnosis(DiagnosisManager manager, string tenant, string collection, string parse, IReadOnlyDictionary<string, string> files)
    {
        if (state.Find(tenant, DemoDiagnoses.Name) is not null)
            manager.Drop(tenant, DemoDiagnoses.Name);
        manager.Start(tenant, DemoDiagnoses.Name, collection, parse);
        foreach (var (point, file) in files)
        {
            var result = manager.Attach(tenant, DemoDiagnoses.Name, point, [file]);
            if (result.Failures.Count > 0)
                throw new InvalidOperationException($"demo capture {file} could not be imported: {result.Failures[0].Error}");
        }
        manager.Stop(tenant, DemoDiagnoses.Name);
    }

    private void SeedOffline(string tenant, string file)
    {
        var table = new TableRef(tenant, DemoDiagnoses.OfflineTable);
        if (tables.TableExists(table))
            tables.DropTable(table);
        var configuration = ParseConfigurationValidator.Validate(ParseConfigurationParser.Parse(DemoDiagnoses.OfflineParse),
            new CatalogFieldResolver(FieldCatalog.Default));
        var existed = ControlStateStore.ExistingTables(tables, tenant);
        using var importer = new TraceImporter(tables, tenant, configuration, FieldCatalog.Default, TraceImportOptions.Default);
        using (var source = CaptureFile.Open(file))
            importer.Import(source, Path.GetFileName(file));
        state.RecordImport(tenant, importer.Complete(), existed);
    }

    private List<DemoTable> Describe()
    {
        var described = new List<DemoTable>();
        foreach (var tenant in new[] { ChainTenant, WebTenant })
        {
            foreach (var diagnosis in state.List(tenant))
            {
                foreach (var table in diagnosis.Tables)
                    described.Add(new DemoTable(tenant, diagnosis.Name, table.CapturePoint, table.Table.Table, Rows(table.Table)));
            }
            var offline = new TableRef(tenant, DemoDiagnoses.OfflineTable);
            described.Add(new DemoTable(tenant, null, null, offline.Table, Rows(offline)));
        }
        return described;
    }

    private long Rows(TableRef table) => tables.TableExists(table) ? tables.RowCount(table) : 0;
}
