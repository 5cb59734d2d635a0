using System.Diagnostics;
using Vnd.Wire.Tests.Fixture;

namespace Vnd.Wire.Tests;

/// <summary>The real psql 15 client (SSLRequest → 'N', SCRAM, simple protocol, COPY OUT for \copy).</summary>
public sealed class PsqlTests : IAsyncLifetime
{
    private const string Psql = "/usr/bin/psql";
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync()
    {
        Assert.Equal(0, _server.Server.InternalErrorCount);
        await _server.DisposeAsync();
    }

    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(string password, params string[] arguments)
    {
        if (!File.Exists(Psql))
        {
            Assert.Fail("psql 15 is expected at /usr/bin/psql on this machine");
        }

        var start = new ProcessStartInfo(Psql)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-h", "127.0.0.1", "-p", _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "alice", "-d", "vnd", "-X", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = password;
        start.Environment["PGCONNECT_TIMEOUT"] = "10";
        start.Environment["PGCLIENTENCODING"] = "UTF8";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, await output, await errors);
    }

    [Fact]
    public async Task Select_prints_an_aligned_table()
    {
        var (exit, output, errors) = await RunAsync(FixtureHandler.Password, "-c", "select series 3");
        Assert.True(exit == 0, errors);
        Assert.Equal(" n \n---\n 1\n 2\n 3\n(3 rows)\n\n", output);
    }

    [Fact]
    public async Task Expanded_output_with_x()
    {
        var (exit, output, errors) = await RunAsync(FixtureHandler.Password, "-x", "-c", "select series 2");
        Assert.True(exit == 0, errors);
        Assert.Equal("-[ RECORD 1 ]\nn | 1\n-[ RECORD 2 ]\nn | 2\n\n", output);
    }

    [Fact]
    public async Task Unaligned_text_values_match_postgres()
    {
        var (exit, output, errors) = await RunAsync(FixtureHandler.Password, "-A", "-t", "-F", "|", "-c", "select types");
        Assert.True(exit == 0, errors);
        Assert.Equal(string.Join("|", TypesResult.ExpectedText.Select(v => v ?? "")) + "\n", output);
    }

    [Fact]
    public async Task Copy_to_stdout_goes_through_copy_out()
    {
        var (exit, output, errors) = await RunAsync(FixtureHandler.Password, "-c", "\\copy (select series 3) to stdout");
        Assert.True(exit == 0, errors);
        Assert.Equal("1\tone\n2\ttwo words\n3\ttab\\there\n", output);
        Assert.Contains(_server.Handler.ReceivedSql, sql => sql.Contains("TO STDOUT", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Wrong_password_reports_28P01_text()
    {
        var (exit, _, errors) = await RunAsync("wrong", "-c", "select series 1");
        Assert.NotEqual(0, exit);
        Assert.Contains("password authentication failed for user \"alice\"", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_error_is_printed_with_detail_and_hint()
    {
        var (exit, _, errors) = await RunAsync(FixtureHandler.Password, "-v", "ON_ERROR_STOP=1", "-c", "select error");
        Assert.NotEqual(0, exit);
        Assert.Contains("ERROR:  syntax error at or near \"error\"", errors, StringComparison.Ordinal);
        Assert.Contains("DETAIL:  fixture detail", errors, StringComparison.Ordinal);
        Assert.Contains("HINT:  fixture hint", errors, StringComparison.Ordinal);
    }
}
