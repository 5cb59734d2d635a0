using System.CommandLine;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Vnd.Engine.Control.Cloud;
using Vnd.Engine.Sessions;
using Vnd.Executor.Storage;
using Vnd.Wire.Hosting;

namespace Vnd.Engine.Cli;

/// <summary>
/// <c>vnd serve --data DIR --listen 127.0.0.1:5433 [--cloud FILE] [--no-tls] [--admin-password PW]</c>: serves the
/// trace tables of a data directory over the PostgreSQL protocol. Tenants of the cloud model (the built-in demo
/// cloud unless <c>--cloud</c>) log in with their credentials and see their own schema; the admin sees all.
/// Runs until SIGINT/SIGTERM, then ends every session with 57P01 and exits.
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
        var command = new Command("serve", "serve trace tables over the PostgreSQL protocol") { data, listen, cloud, noTls, adminUser, adminPassword };
        command.SetAction(async (result, stop) =>
        {
            if (!IPEndPoint.TryParse(result.GetRequiredValue(listen), out var endPoint))
            {
                await Console.Error.WriteLineAsync($"error: --listen must be address:port, not \"{result.GetValue(listen)}\"").ConfigureAwait(false);
                return 2;
            }
            var options = new ServeOptions(result.GetRequiredValue(data), endPoint, result.GetValue(cloud), result.GetValue(noTls),
                result.GetRequiredValue(adminUser), result.GetValue(adminPassword));
            return await RunAsync(options, Console.Out, stop).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Serves until <paramref name="stop"/> fires; returns the exit code.</summary>
    public static async Task<int> RunAsync(ServeOptions options, TextWriter output, CancellationToken stop)
    {
        PgServer server;
        CloudModel cloud;
        try
        {
            (server, cloud) = Create(options);
        }
        catch (CloudModelException e)
        {
            await output.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }
        await using (server.ConfigureAwait(false))
        {
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

    /// <summary>The server for these options, not yet started, and the cloud model its users come from.</summary>
    public static (PgServer Server, CloudModel Cloud) Create(ServeOptions options)
    {
        options.Data.Create();
        // Demo data seeding (issue 5 §6) belongs here: with no --cloud, fill the data directory with the demo
        // tenants' generated traffic before the first session can see it.
        var cloudStore = options.Cloud is null ? null : CloudModelStore.Open(options.Cloud.FullName);
        var demo = cloudStore is null ? DemoCloud.Load() : null;
        Func<CloudModel> cloud = cloudStore is null ? () => demo! : () => cloudStore.Current;
        var admin = options.AdminPassword is null ? null : new AdminAccount(options.AdminUser, options.AdminPassword);
        var handler = new VndServerHandler(cloud, new TraceCatalogFactory(new TraceTableStore(options.Data.FullName)), admin);
        var serverOptions = new PgServerOptions { Certificate = options.NoTls ? null : Certificate(options.Data) };
        serverOptions.EndPoints.Add(options.Listen);
        return (new PgServer(handler, serverOptions), cloud());
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

    private static async Task PrintBannerAsync(TextWriter output, ServeOptions options, PgServer server, CloudModel cloud)
    {
        foreach (var endPoint in server.LocalEndPoints)
            await output.WriteLineAsync($"vnd serve: listening on {endPoint} ({(options.NoTls ? "no TLS" : "TLS with " + Path.Combine(options.Data.FullName, CertificateFile))}), data in {options.Data.FullName}").ConfigureAwait(false);
        foreach (var tenant in cloud.Tenants)
        {
            var password = tenant.Credential.Password is { } p && options.Cloud is null ? $" (password {p})" : "";
            await output.WriteLineAsync($"  tenant {tenant.Name}{password}: psql -h {server.LocalEndPoints[0].Address} -p {server.LocalEndPoints[0].Port} -U {tenant.Name} vnd").ConfigureAwait(false);
        }
        if (options.AdminPassword is not null)
            await output.WriteLineAsync($"  admin {options.AdminUser}: sees every tenant's schema").ConfigureAwait(false);
        await output.WriteLineAsync("press Ctrl+C to stop").ConfigureAwait(false);
    }
}
