using System.Diagnostics;
using Vnd.Engine.Cli;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>Starts <c>vnd</c> subcommands (table servers, control servers) as real processes for the multi-process tests.</summary>
public static class VndProcess
{
    /// <summary>Runs <c>vnd</c> with <paramref name="arguments"/> until it prints <paramref name="ready"/>; the rest of that line.</summary>
    public static async Task<(Process, string)> Start(string ready, params string[] arguments)
    {
        var (process, rests) = await Start([ready], arguments);
        return (process, rests[0]);
    }

    /// <summary>Runs <c>vnd</c> until it has printed a line starting with each of <paramref name="ready"/>, in that order; the rests of those lines.</summary>
    public static async Task<(Process, string[])> Start(string[] ready, string[] arguments)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(typeof(VndCommandLine).Assembly.Location);
        foreach (var argument in arguments)
            psi.ArgumentList.Add(argument);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start vnd");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var rests = new string[ready.Length];
        var found = 0;
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (!line.StartsWith(ready[found], StringComparison.Ordinal))
                continue;
            rests[found] = line[ready[found].Length..];
            if (++found == ready.Length)
            {
                // Keep draining stdout so the process never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return (process, rests);
            }
        }
        await process.WaitForExitAsync(CancellationToken.None);
        var code = process.ExitCode;
        process.Dispose();
        throw new InvalidOperationException($"vnd {arguments[0]} exited with {code} before \"{ready[found]}\"");
    }

    /// <summary>Ends <paramref name="process"/> (if still running) and waits for it.</summary>
    public static async Task Stop(Process process)
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
