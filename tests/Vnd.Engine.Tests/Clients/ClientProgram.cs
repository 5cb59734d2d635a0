using System.Diagnostics;
using Vnd.Engine.Tests.Serve;

namespace Vnd.Engine.Tests.Clients;

/// <summary>
/// Runs one of the real client programs in tests/clients (pgJDBC, psycopg2, node-postgres) against the served
/// data directory and returns its "key=value" observations. A non-zero exit fails the test with the client's
/// own error output, which names the SQLSTATE the server sent.
/// </summary>
public static class ClientProgram
{
    public static IReadOnlyDictionary<string, string> Run(string file, string arguments, int port, string user, string table)
    {
        var directory = Path.Combine(ServeFixture.RepositoryRoot(), "tests", "clients");
        var info = new ProcessStartInfo(file, $"{arguments} 127.0.0.1 {port} {user} {user} {table}")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {arguments} did not finish within 2 minutes: {stdout.Result}{stderr.Result}");
        }
        Assert.True(process.ExitCode == 0, $"{file} {arguments} exited with {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        var observations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
                observations[line[..equals]] = line[(equals + 1)..];
        }
        return observations;
    }
}
