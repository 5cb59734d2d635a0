using System.CommandLine;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Vnd.Engine.Catalog;
using Vnd.Engine.Catalog.Metadata;
using Vnd.Engine.Control.Cloud;
using Vnd.Engine.Control.Demo;
using Vnd.Engine.Control.Diagnoses;
using Vnd.Engine.Control.State;
using Vnd.Engine.Sessions;
using Vnd.Engine.TableServer;
using Vnd.Engine.TableServer.Registration;
using Vnd.Executor.Execution;
using Vnd.Executor.Storage;
using Vnd.Wire.Hosting;

namespace Vnd.Engine.Cli;

/// <summary>
/// <c>vnd serve --data DIR --listen 127.0.0.1:5433 [--cloud FILE] [--no-tls] [--admin-password PW]</c>: serves the
/// trace tables of a data directory over the PostgreSQL protocol. Tenants of the cloud model (the built-in demo
/// cloud unless <c>--cloud</c>) log in with their credentials and see their own schema; the admin sees all.
/// Runs until SIGINT/SIGTERM, then ends every session with 57P01 and exits. Queries run split over table servers:
/// one per hypervisor in this process by default, or the <c>vnd table-server</c> processes of
/// <c>--table-servers host:port,… --token T</c> (then the data directory holds only the control state: the tenants'
/// catalogs — tables, columns, statistics — come from the table servers' cached ListFlights answers, refreshed when
/// their catalog version changes). With <c>--registration host:port</c> table servers
/// started with <c>--register</c> join by themselves and heartbeat; one silent for <c>--heartbeat-grace</c> is down, one
/// silent for <c>--forget-after</c> is dropped.
/// </summary>
public static class ServeCommand
{
    /// <summary>The TLS certificate kept in the data directory (created on first start).</summary>
    public const string CertificateFile = "server.pfx";

    public static Command Build()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "data directory (trace tables; the TLS certificate is kept here)", DefaultValueFactory = _ => new DirectoryInfo("vnd-data") };
        var listen = new Option<string>("--listen") { Description = "address:port to listen on", DefaultValueFactory = _ => "127.0.0.1:5433" };
        var cloud = new Option<FileInfo?>("--cloud") { Description = "cloud model file (YAML); default: the built-in demo cloud" };
        var noTls = new Option<bool>("--no-tls") { Description = "answer SSLRequest with N instead of using a self-signed certificate" };
        var adminUser = new Option<string>("--admin-user") { Description = "name of the admin role (sees every tenant)", DefaultValueFactory = _ => "vnd" };
        var adminPassword = new Option<string?>("--admin-password") { Description = "password of the admin role; no admin login without it" };
        var noDemo = new Option<bool>("--no-demo") { Description = "without --cloud: do not generate the demo tenants' traffic" };
        var maxConnections = new Option<int>("--max-connections") { Description = "sessions in total", DefaultValueFactory = _ => 100 };
        var maxPerTenant = new Option<int>("--max-connections-per-tenant") { Description = "sessions one tenant may hold (0: no limit beyond the total)" };
        var tableServers = new Option<string?>("--table-servers") { Description = "host:port,… of vnd table-server processes holding the trace tables (default: in-process table servers)" };
        var token = new Option<string?>("--token") { Description = $"token shared with the table servers (or ${TableServerCommand.TokenVariable})" };
        var noPushdown = new Option<bool>("--no-pushdown") { Description = "with --table-servers: table servers only scan; filters, joins and aggregates run at this server (for comparing plans)" };
        var registration = new Option<string?>("--registration") { Description = "host:port where vnd table-server --register processes register and heartbeat (with the shared token)" };
        var grace = new Option<double>("--heartbeat-grace") { Description = "seconds a registered table server may miss heartbeats before its capture points count as down", DefaultValueFactory = _ => ServeOptions.DefaultHeartbeatGrace.TotalSeconds };
        var forget = new Option<double>("--forget-after") { Description = "seconds a registered table server may stay silent before it is dropped and its tables with it", DefaultValueFactory = _ => TableServerRegistry.DefaultForgetAfter.TotalSeconds };
        var queryMemory = new Option<long?>("--query-memory-mb") { Description = "memory one query may hold before it fails with 53200 (default: half of the machine's)" };
        var totalMemory = new Option<long?>("--total-query-memory-mb") { Description = "memory all running queries may hold together (default: three quarters of the machine's)" };
        var unixSocketDir = new Option<string>("--unix-socket-dir")
        {
            Description = "directory of the Unix-domain socket .s.PGSQL.<port> (psql -h DIR, Npgsql Host=DIR), as PostgreSQL's unix_socket_directories; \"\" for TCP only",
            DefaultValueFactory = _ => "/tmp",
        };
        var unixSendBuffer = new Option<int>("--unix-socket-send-buffer-kb")
        {
            Description = "SO_SNDBUF of each Unix-domain connection in KiB (Linux doubles it, capped by net.core.wmem_max); 0: the system's default (208 KiB), which makes a large result's reader and this server wait for each other every ~200 KB",
            DefaultValueFactory = _ => PgServerOptions.DefaultUnixSocketSendBufferBytes >> 10,
        };
        var command = new Command("serve", "serve trace tables over the PostgreSQL protocol (no options: the embedded demo on 127.0.0.1:5433)")
        {
            data, listen, cloud, noTls, adminUser, adminPassword, noDemo, maxConnections, maxPerTenant, tableServers, token, noPushdown, registration, grace, forget,
            queryMemory, totalMemory, unixSocketDir, unixSendBuffer,
        };
        command.SetAction(async (result, stop) =>
        {
            if (!IPEndPoint.TryParse(result.GetRequiredValue(listen), out var endPoint))
            {
                await Console.Error.WriteLineAsync($"error: --listen must be address:port, not \"{result.GetValue(listen)}\"").ConfigureAwait(false);
                return 2;
            }
            var servers = TableServerEndpoints(result.GetValue(tableServers), out var serversError);
            var shared = result.GetValue(token) ?? Environment.GetEnvironmentVariable(TableServerCommand.TokenVariable);
            var registrationEndPoint = RegistrationEndPoint(result.GetValue(registration), ref serversError);
            if (serversError is null && (servers.Count > 0 || registrationEndPoint is not null) && string.IsNullOrEmpty(shared))
                serversError = $"--table-servers and --registration need the shared token (--token or ${TableServerCommand.TokenVariable})";
            if (serversError is null && !(result.GetValue(grace) > 0))
                serversError = "--heartbeat-grace must be a positive number of seconds";
            if (serversError is null && !(result.GetValue(forget) >= result.GetValue(grace)))
                serversError = "--forget-after must be at least --heartbeat-grace seconds";
            if (serversError is null && (result.GetValue(queryMemory) is <= 0 || result.GetValue(totalMemory) is <= 0))
                serversError = "--query-memory-mb and --total-query-memory-mb must be positive";
            if (serversError is null && result.GetValue(unixSendBuffer) is < 0 or > (int.MaxValue >> 10))
                serversError = "--unix-socket-send-buffer-kb must be between 0 and 2097151";
            if (serversError is not null)
            {
                await Console.Error.WriteLineAsync("error: " + serversError).ConfigureAwait(false);
                return 2;
            }
            var options = new ServeOptions(result.GetRequiredValue(data), endPoint, result.GetValue(cloud), result.GetValue(noTls),
                result.GetRequiredValue(adminUser), result.GetValue(adminPassword),
                SeedDemo: result.GetValue(cloud) is null && !result.GetValue(noDemo), MaxConnections: result.GetValue(maxConnections),
                TableServers: servers, TableServerToken: shared, MaxConnectionsPerTenant: result.GetValue(maxPerTenant),
                Pushdown: !result.GetValue(noPushdown), Registration: registrationEndPoint,
                HeartbeatGrace: TimeSpan.FromSeconds(result.GetValue(grace)), ForgetAfter: TimeSpan.FromSeconds(result.GetValue(forget)),
                QueryMemoryBytes: result.GetValue(queryMemory) * (1L << 20), TotalQueryMemoryBytes: result.GetValue(totalMemory) * (1L << 20),
                UnixSocketDirectory: result.GetValue(unixSocketDir) is { Length: > 0 } directory ? directory : null,
                UnixSocketSendBufferBytes: result.GetValue(unixSendBuffer) << 10);
            return await RunAsync(options, Console.Out, stop).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>The table servers of <c>--table-servers host:port,…</c> as gRPC endpoints (none when absent).</summary>
    public static IReadOnlyList<Uri> TableServerEndpoints(string? list, out string? error)
    {
        error = null;
        var endpoints = new List<Uri>();
        foreach (var item in (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                var endpoint = TableServerOptions.ParseListen(item);
                endpoints.Add(new Uri($"http://{endpoint}/"));
            }
            catch (FormatException e)
            {
                error = "--table-servers: " + e.Message;
                return [];
            }
        }
        return endpoints;
    }

    private static IPEndPoint? RegistrationEndPoint(string? text, ref string? error)
    {
        if (text is null || error is not null)
            return null;
        try
        {
            return TableServerOptions.ParseListen(text);
        }
        catch (FormatException e)
        {
            error = "--registration: " + e.Message;
            return null;
        }
    }

    /// <summary>Serves until <paramref name="stop"/> fires; returns the exit code.</summary>
    public static async Task<int> RunAsync(ServeOptions options, TextWriter output, CancellationToken stop)
    {
        PgServer server;
        CloudModel cloud;
        IDisposable state;
        var registry = options.Registration is null ? null : new TableServerRegistry(options.HeartbeatGrace ?? ServeOptions.DefaultHeartbeatGrace,
            options.ForgetAfter ?? TableServerRegistry.DefaultForgetAfter, TimeProvider.System, new RegistrationLog(output));
        try
        {
            if (options.SeedDemo)
                await SeedDemoAsync(options, output).ConfigureAwait(false);
            (server, cloud, state) = Create(options, registry);
        }
        catch (CloudModelException e)
        {
            await output.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }
        using (state)
        await using (server.ConfigureAwait(false))
        await using (var registration = registry is null ? null
            : await RegistrationHost.StartAsync(options.Registration!, options.TableServerToken!, registry, output, stop).ConfigureAwait(false))
        {
            // Before the listening line: scripts and tests that wait for that line then know both addresses.
            if (registration is not null)
                await output.WriteLineAsync($"vnd serve: table servers register at {registration.Endpoint.Authority}").ConfigureAwait(false);
            await server.StartAsync().ConfigureAwait(false);
            await PrintBannerAsync(output, options, server, cloud).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // SIGINT/SIGTERM: fall through to the graceful stop.
            }
            await output.WriteLineAsync("shutting down: ending sessions (57P01)").ConfigureAwait(false);
            await server.StopAsync().ConfigureAwait(false);
        }
        return 0;
    }

    /// <summary>The server over <paramref name="options"/>' data directory, not yet started, and the cloud model its
    /// users come from; <c>State</c> is the control state it reads diagnoses from, to dispose after the server.
    /// <paramref name="registry"/> holds the table servers that register (the caller hosts its endpoint).</summary>
    public static (PgServer Server, CloudModel Cloud, IDisposable State) Create(ServeOptions options, TableServerRegistry? registry = null)
    {
        ReserveThreads();
        options.Data.Create();
        var cloudStore = options.Cloud is null ? null : CloudModelStore.Open(options.Cloud.FullName);
        var demo = cloudStore is null ? DemoCloud.Load() : null;
        Func<CloudModel> cloud = cloudStore is null ? () => demo! : () => cloudStore.Current;
        var admin = options.AdminPassword is null ? null : new AdminAccount(options.AdminUser, options.AdminPassword);
        var tables = new TraceTableStore(options.Data.FullName);
        var state = new ControlStateStore(options.Data.FullName);
        var remote = options.Distributed
            ? new RemoteTableServers(options.TableServers ?? [],
                options.TableServerToken ?? throw new ArgumentException("table servers need a shared token", nameof(options)), options.Pushdown, registry)
            : null;
        ITableServerDirectory sites = remote is null ? new EmbeddedTableServers(tables) : remote;
        // With table servers, the tenants' trace tables are theirs: this data directory keeps the control state and
        // only the captures tenants attach here over the wire.
        ITraceTables traceTables = remote is null ? new LocalTraceTables(tables) : new LayeredTraceTables(new RemoteTraceTables(remote), new LocalTraceTables(tables));
        var catalogs = new TenantCatalogFactory(traceTables, new MetadataRelation(state, traceTables), new DiagnosisManager(cloud, state, tables, traceTables), sites);
        var handler = new VndServerHandler(cloud, catalogs, admin, QueryResources.ForMachine(options.QueryMemoryBytes, options.TotalQueryMemoryBytes));
        var serverOptions = new PgServerOptions { Certificate = options.NoTls ? null : Certificate(options.Data), MaxConnections = options.MaxConnections,
            MaxConnectionsPerUser = options.MaxConnectionsPerTenant,
            ServerVersion = Catalog.System.SessionInfo.ServerVersion, UnixSocketDirectory = options.UnixSocketDirectory,
            UnixSocketSendBufferBytes = options.UnixSocketSendBufferBytes };
        serverOptions.EndPoints.Add(options.Listen);
        return (new PgServer(handler, serverOptions), cloud(), sites is IDisposable connections ? new ServeState(state, connections) : state);
    }

    /// <summary>
    /// Lets the thread pool grow at once to a few threads per core. A statement pulls its operator stream on a pool
    /// thread, and a pull may hold that thread for the whole of a long aggregate or join build; with the default
    /// minimum of one thread per core, two such statements on two cores left the CancelRequest, new connections and
    /// every other session's I/O waiting for the pool's thread injection (about one thread per half second): a cancel
    /// under load took 1-4 s instead of milliseconds. Only ever raised, never lowered below what the host set.
    /// </summary>
    private static void ReserveThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        var wanted = Math.Max(32, 8 * Environment.ProcessorCount);
        if (workers < wanted)
            ThreadPool.SetMinThreads(wanted, io);
    }

    /// <summary>The data directory's certificate, created (self-signed) on first start.</summary>
    public static X509Certificate2 Certificate(DirectoryInfo data)
    {
        var path = Path.Combine(data.FullName, CertificateFile);
        if (File.Exists(path))
            return X509CertificateLoader.LoadPkcs12FromFile(path, null);
        using var created = SelfSignedCertificate.Create();
        var bytes = created.Export(X509ContentType.Pkcs12);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);   // it holds the private key
        File.Move(temporary, path, overwrite: true);
        return X509CertificateLoader.LoadPkcs12(bytes, null);
    }

    /// <summary>The demo tenants' traffic (issue 5 §6), generated once: a restart finds it and goes on.</summary>
    public static async Task SeedDemoAsync(ServeOptions options, TextWriter output)
    {
        options.Data.Create();
        var summary = DemoSeeder.Seed(options.Data.FullName);
        if (summary.AlreadySeeded)
            return;
        await output.WriteLineAsync($"demo: generated the tenants' traffic in {summary.Elapsed.TotalSeconds:F1} s").ConfigureAwait(false);
        foreach (var table in summary.Tables)
            await output.WriteLineAsync($"  {table.Tenant}.{table.Table}: {table.Rows:N0} packets{(table.CapturePoint is null ? " (offline import)" : $" captured at {table.CapturePoint}")}").ConfigureAwait(false);
    }

    private static async Task PrintBannerAsync(TextWriter output, ServeOptions options, PgServer server, CloudModel cloud)
    {
        foreach (var endPoint in server.LocalEndPoints)
            await output.WriteLineAsync($"vnd serve: listening on {endPoint} ({(options.NoTls ? "no TLS" : "TLS with " + Path.Combine(options.Data.FullName, CertificateFile))}), data in {options.Data.FullName}").ConfigureAwait(false);
        if (server.UnixSocketPath is { } socketPath)
            await output.WriteLineAsync($"vnd serve: listening on {socketPath}").ConfigureAwait(false);
        foreach (var tenant in cloud.Tenants)
        {
            var password = tenant.Credential.Password is { } p && options.Cloud is null ? $" (password {p})" : "";
            await output.WriteLineAsync($"  tenant {tenant.Name}{password}: psql -h {server.LocalEndPoints[0].Address} -p {server.LocalEndPoints[0].Port} -U {tenant.Name} vnd").ConfigureAwait(false);
        }
        if (options.TableServers is { Count: > 0 } servers)
            await output.WriteLineAsync($"  trace tables at {servers.Count} table server(s): {string.Join(", ", servers.Select(s => s.Authority))}").ConfigureAwait(false);
        if (options.Registration is not null)
            await output.WriteLineAsync("  trace tables at the table servers that register").ConfigureAwait(false);
        if (!options.Distributed)
            await output.WriteLineAsync("  trace tables at in-process table servers (one per hypervisor)").ConfigureAwait(false);
        if (options.AdminPassword is not null)
            await output.WriteLineAsync($"  admin {options.AdminUser}: sees every tenant's schema").ConfigureAwait(false);
        await output.WriteLineAsync("press Ctrl+C to stop").ConfigureAwait(false);
    }
}
