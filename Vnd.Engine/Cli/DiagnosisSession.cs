using Spectre.Console;
using Vnd.Engine.Control.Cloud;
using Vnd.Engine.Control.Diagnoses;
using Vnd.Engine.Control.Policy;
using Vnd.Engine.Control.State;
using Vnd.Executor.Storage;

namespace Vnd.Engine.Cli;

/// <summary>
/// Runs one <c>vnd diagnosis</c> action against a data directory's control state and trace tables, and turns the
/// control server's refusals into a message with their SQLSTATE and exit code 2.
/// </summary>
internal static class DiagnosisSession
{
    /// <summary>The cloud for commands that never consult it (list, stop, drop).</summary>
    public static CloudModel NoCloud() =>
        throw new InvalidOperationException("this command does not read the cloud model");

    /// <summary>The cloud model from <c>--cloud FILE</c> or the built-in demo; null (reported) when neither or both are given.</summary>
    public static Func<CloudModel>? CloudFrom(FileInfo? file, bool demo)
    {
        if (file is null == !demo)
        {
            AnsiConsole.MarkupLine("[red]give either --cloud FILE or --demo[/]");
            return null;
        }
        return file is null ? DemoCloud.Load : () => CloudModelLoader.LoadFile(file.FullName);
    }

    public static int Run(DirectoryInfo data, Func<CloudModel> cloud, Func<DiagnosisManager, ControlStateStore, int> action)
    {
        try
        {
            using var state = new ControlStateStore(data.FullName);
            return action(new DiagnosisManager(cloud, state, new TraceTableStore(data.FullName)), state);
        }
        catch (DiagnosisException e)
        {
            return Refused(e.SqlState, e.Message);
        }
        catch (PolicyException e)
        {
            return Refused(e.SqlState, e.Message);
        }
        catch (CloudModelException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 2;
        }
        catch (IOException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 2;
        }
    }

    /// <summary>Reads a configuration file for the command line, or reports it and returns null.</summary>
    public static string? ReadText(FileInfo file)
    {
        try
        {
            return File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]cannot read {file.FullName}: {e.Message}[/]");
            return null;
        }
    }

    private static int Refused(string sqlState, string message)
    {
        AnsiConsole.MarkupLineInterpolated($"[red]ERROR {sqlState}: {message}[/]");
        return 2;
    }
}
