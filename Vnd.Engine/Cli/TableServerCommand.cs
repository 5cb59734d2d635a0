using System.CommandLine;
using Spectre.Console;
using Vnd.Engine.TableServer;

namespace Vnd.Engine.Cli;

/// <summary>
/// <c>vnd table-server --data DIR --listen HOST:PORT --token T</c>: serves the trace tables of a data directory
/// to the coordinator over Arrow Flight until interrupted. The token may also come from VND_TABLE_SERVER_TOKEN so
/// it need not appear in the process list.
/// </summary>
public static class TableServerCommand
{
    public const string TokenVariable = "VND_TABLE_SERVER_TOKEN";

    public static Command Build()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "data directory with the trace tables", Required = true };
        var listen = new Option<string>("--listen") { Description = "address to listen on, host:port", DefaultValueFactory = _ => "127.0.0.1:7400" };
        var token = new Option<string?>("--token") { Description = $"shared token clients must present (or ${TokenVariable})" };
        var command = new Command("table-server", "serve trace tables and plan fragments over Arrow Flight") { data, listen, token };
        command.SetAction((result, cancellation) =>
            RunAsync(result.GetRequiredValue(data), result.GetRequiredValue(listen), result.GetValue(token), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo data, string listen, string? token, CancellationToken cancellation)
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
        try
        {
            options = new TableServerOptions(data.FullName, TableServerOptions.ParseListen(listen), token);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync("vnd table-server: " + e.Message).ConfigureAwait(false);
            return 2;
        }
        await using var host = await TableServerHost.StartAsync(options, cancellation).ConfigureAwait(false);
        // Scripts and tests wait for this line to know the server accepts connections.
        AnsiConsole.WriteLine($"table server listening on {host.Endpoint}");
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
