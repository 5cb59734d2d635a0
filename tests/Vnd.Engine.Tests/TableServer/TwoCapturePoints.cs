using System.Net;
using Vnd.Engine.Catalog;
using Vnd.Engine.Cli;
using Vnd.Engine.TableServer;
using Vnd.Executor.Execution;
using Vnd.Executor.Remote;
using Vnd.Executor.Storage;
using Vnd.Executor.Vectors;
using Vnd.Planner.Binding;
using Vnd.Planner.Distributed;
using Vnd.Planner.Rules;
using Vnd.Tests.Shared;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// The paper's In/Out setting on loopback: zeek_ssh.pcap imported as trace table t1.ingress (the paper's In; "in" is reserved) into one data
/// directory and as t1.egress (Out) into another, each served by its own in-process table server (sites vm1-in and vm1-out), plus a
/// third directory holding both tables for the single-process engine the results are compared with.
/// </summary>
public sealed class TwoCapturePoints : IAsyncLifetime
{
    public const string Token = "s3cret-token";
    public static readonly Site In = new("vm1-in");
    public static readonly Site Out = new("vm1-out");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "vnd-tableserver-" + Guid.NewGuid().ToString("N"));

    public string Combined => Path.Combine(_root, "combined");

    /// <summary>The data directory holding only t1.egress (served by <see cref="OutServer"/>).</summary>
    public string EgressData => Path.Combine(_root, "out");

    public TableServerHost InServer { get; private set; } = null!;

    public TableServerHost OutServer { get; private set; } = null!;

    public TableServerConnections Connections { get; } = new(Token);

    public async Task InitializeAsync()
    {
        Import("ingress", Path.Combine(_root, "in"));
        Import("egress", Path.Combine(_root, "out"));
        Import("ingress", Combined);
        Import("egress", Combined);
        InServer = await Start(Path.Combine(_root, "in"));
        OutServer = await Start(Path.Combine(_root, "out"));
    }

    public async Task DisposeAsync()
    {
        Connections.Dispose();
        await InServer.DisposeAsync();
        await OutServer.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    public static Task<TableServerHost> Start(string data, string token = Token) =>
        TableServerHost.StartAsync(new TableServerOptions(data, new IPEndPoint(IPAddress.Loopback, 0), token));

    /// <summary>The single-process engine's answer, rows as sorted text.</summary>
    public List<string> Local(string sql) =>
        Text(new Vnd.Engine.Sessions.QueryRunner(new TraceTableStore(Combined), "t1").Run(sql).Rows);

    /// <summary>
    /// Binds and optimizes at the coordinator, places each table at the site whose server reported it, plans the
    /// fragments and runs them; rows as sorted text.
    /// </summary>
    public async Task<(List<string> Rows, DistributedPlan Plan)> Distributed(string sql, IReadOnlyDictionary<Site, Uri>? endpoints = null,
        Placement? placement = null, JoinStrategyChoice joins = JoinStrategyChoice.Auto, ExchangeActuals? actuals = null,
        Func<DistributedPlan, DistributedPlan>? rewrite = null)
    {
        placement ??= await Reported();
        var bound = new Binder(new TraceCatalog(new TraceTableStore(Combined), "t1")).Bind(sql);
        var plan = new DistributedPlanner(placement, null, joins).Plan(Optimizer.Default.Optimize(bound.Plan).Plan);
        plan = rewrite?.Invoke(plan) ?? plan;
        endpoints ??= new Dictionary<Site, Uri> { [In] = InServer.Endpoint, [Out] = OutServer.Endpoint };
        return (Drain(new DistributedQuery(plan, endpoints, Connections).Root(actuals)), plan);
    }

    /// <summary>
    /// As the engine runs a query over table servers (<see cref="DistributedExecution"/>): distributed when every
    /// fragment can run at its site, else the coordinator plan over the capture points' rows; rows as sorted text.
    /// <paramref name="clock"/> is the coordinator's, <paramref name="transactionStart"/> an open block's start.
    /// </summary>
    public async Task<List<string>> Executed(string sql, TimeProvider? clock = null, DateTime? transactionStart = null, TimeZoneInfo? zone = null)
    {
        var bound = new Binder(new TraceCatalog(new TraceTableStore(Combined), "t1")).Bind(sql);
        var endpoints = new Dictionary<Site, Uri> { [In] = InServer.Endpoint, [Out] = OutServer.Endpoint };
        var execution = new DistributedExecution(await Reported(), endpoints, new FlightFragmentTransport(Connections), clock: clock);
        var root = execution.Physical(Optimizer.Default.Optimize(bound.Plan).Plan, null,
            scan => throw new InvalidOperationException($"{scan.Table} is not at the coordinator"), transactionStart, zone);
        return Drain(root);
    }

    /// <summary>Runs <paramref name="root"/> to the end; rows as sorted text.</summary>
    private static List<string> Drain(Vnd.Executor.Operators.PhysicalOperator root)
    {
        var rows = new List<object?[]>();
        using var context = new QueryContext();
        using var stream = root.Open(context);
        while (stream.Next() is { } batch)
        {
            foreach (var r in batch.Rows)
            {
                var row = new object?[batch.ColumnCount];
                for (var c = 0; c < row.Length; c++)
                    row[c] = VectorValues.Get(batch[c], r);
                rows.Add(row);
            }
        }
        return Text(rows);
    }

    /// <summary>Each table placed at the site whose server reports it, with the reported statistics.</summary>
    public async Task<Placement> Reported()
    {
        var placement = new Placement();
        foreach (var (site, server) in new[] { (In, InServer), (Out, OutServer) })
        {
            foreach (var info in await Connections.For(site, server.Endpoint).ListTablesAsync())
                placement.Place(FlightStatistics.Placement(info, site));
        }
        return placement;
    }

    private static List<string> Text(IEnumerable<object?[]> rows) =>
        rows.Select(r => string.Join("|", r.Select(v => v switch
        {
            null => "NULL",
            // The executor computes some numeric results in float8 locally; streams carry the plan's numeric type.
            decimal d => ((double)d).ToString("G15", System.Globalization.CultureInfo.InvariantCulture),
            double d => d.ToString("G15", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => v.ToString(),
        }))).Order(StringComparer.Ordinal).ToList();

    private void Import(string table, string data)
    {
        var template = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "examples", "tcp-trace.cfg"));
        var config = Path.Combine(_root, table + ".cfg");
        Directory.CreateDirectory(_root);
        File.WriteAllText(config, template.Replace("Table ID packets", "Table ID " + table, StringComparison.Ordinal));
        var rc = VndCommandLine.Build().Parse(["import", "--data", data, "--tenant", "t1", "--parse", config, SharedData.Pcap("tcp/zeek_ssh.pcap")]).Invoke();
        Assert.Equal(0, rc);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docs", "examples", "tcp-trace.cfg")))
                return dir.FullName;
        }
        throw new InvalidOperationException("docs/examples/tcp-trace.cfg not found above " + AppContext.BaseDirectory);
    }
}
