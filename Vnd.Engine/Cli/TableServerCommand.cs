using System.CommandLine;
using System.Net;
using Spectre.Console;
using Vnd.Engine.TableServer;
using Vnd.Engine.TableServer.Registration;

namespace Vnd.Engine.Cli;

/// <summary>
/// <c>vnd table-server --data DIR --listen HOST:PORT --token T [--register HOST:PORT]</c>: serves the trace tables of
/// a data directory to the coordinator over Arrow Flight until interrupted; with <c>--register</c> it registers with
/// that control server and heartbeats every <c>--heartbeat-interval</c> seconds. The token may also come from
/// VND_TABLE_SERVER_TOKEN so it need not appear in the process list.
/// </summary>
public static class TableServerCommand
{
    public const string TokenVariable = "VND_TABLE_SERVER_TOKEN";

    public static Command Build()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "data directory with the trace tables", Required = true };
        var listen = new Option<string>("--listen") { Description = "address to listen on, host:port", DefaultValueFactory = _ => "127.0.0.1:7400" };
        var token = new Option<string?>("--token") { Description = $"shared token clients must present (or ${TokenVariable})" };
        var register = new Option<string?>("--register") { Description = "host:port of the control server's registration endpoint (vnd serve --registration)" };
        var advertise = new Option<string?>("--advertise") { Description = "host:port the control server reaches this server at (default: the address listened on)" };
        var interval = new Option<double>("--heartbeat-interval") { Description = "seconds between heartbeats to the control server", DefaultValueFactory = _ => 1 };
        var command = new Command("table-server", "serve trace tables and plan fragments over Arrow Flight") { data, listen, token, register, advertise, interval };
        command.SetAction((result, cancellation) =>
            RunAsync(result.GetRequiredValue(data), result.GetRequiredValue(listen), result.GetValue(token),
                new Registering(result.GetValue(register), result.GetValue(advertise), result.GetValue(interval)), cancellation));
        return command;
    }

    /// <summary>What <c>--register</c>, <c>--advertise</c> and <c>--heartbeat-interval</c> asked for.</summary>
    private sealed record Registering(string? Control, string? Advertise, double IntervalSeconds);

    private static async Task<int> RunAsync(DirectoryInfo data, string listen, string? token, Registering registering, CancellationToken cancellation)
    {
        token ??= Environment.GetEnvironmentVariable(TokenVariable);
        if (string.IsNullOrEmpty(token))
        {
            await Console.Error.WriteLineAsync($"vnd table-server: a shared token is required (--token or ${TokenVariable})").ConfigureAwait(false);
            return 2;
        }
        if (!data.Exists)
        {
            await Console.Error.WriteLineAsync($"vnd table-server: no data directory {data.FullName}").ConfigureAwait(false);
            return 2;
        }
        TableServerOptions options;
        IPEndPoint? control, advertised;
        try
        {
            options = new TableServerOptions(data.FullName, TableServerOptions.ParseListen(listen), token);
            control = registering.Control is null ? null : TableServerOptions.ParseListen(registering.Control);
            advertised = registering.Advertise is null ? null : TableServerOptions.ParseListen(registering.Advertise);
            if (control is not null && !(registering.IntervalSeconds > 0))
                throw new FormatException("--heartbeat-interval must be a positive number of seconds");
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync("vnd table-server: " + e.Message).ConfigureAwait(false);
            return 2;
        }
        await using var host = await TableServerHost.StartAsync(options, cancellation).ConfigureAwait(false);
        // Scripts and tests wait for this line to know the server accepts connections.
        AnsiConsole.WriteLine($"table server listening on {host.Endpoint}");
        await using var heartbeat = control is null ? null : RegistrationHeartbeat.Start(new Uri($"http://{control}/"),
            advertised is null ? host.Endpoint : new Uri($"http://{advertised}/"), token, TimeSpan.FromSeconds(registering.IntervalSeconds), Console.Out,
            host.State.CatalogVersion);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        return 0;
    }
}
