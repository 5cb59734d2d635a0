using System.Diagnostics;

namespace Vnd.Engine.Tests.Control;

/// <summary>Runs a real command line tool without a shell and captures its output.</summary>
internal static class Tool
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}; stdout: {Output.Trim()}; stderr: {Error.Trim()}";
    }

    public static Result Run(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(arguments[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        for (var i = 1; i < arguments.Count; i++)
            start.ArgumentList.Add(arguments[i]);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {arguments[0]}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', arguments)} did not finish in 60 s");
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs and asserts success, returning stdout.</summary>
    public static string Check(params string[] arguments)
    {
        var result = Run(arguments);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', arguments)} failed: {result}");
        return result.Output;
    }

    /// <summary>Whether a program is on PATH.</summary>
    public static bool Exists(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));
}
