using System.Diagnostics;
using System.Globalization;

namespace Vnd.Engine.Tests.Serve;

/// <summary>The real psql (libpq, simple protocol, TLS + SCRAM) against <c>vnd serve</c>.</summary>
[Collection(ServeCollection.Name)]
public sealed class PsqlTests(ServeFixture fixture)
{
    private async Task<(int ExitCode, string Output, string Error)> PsqlAsync(string user, params string[] commands)
    {
        var start = new ProcessStartInfo("psql")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", fixture.Port.ToString(CultureInfo.InvariantCulture), "-U", user, "-d", "vnd" })
            start.ArgumentList.Add(argument);
        foreach (var command in commands)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(command);
        }
        start.Environment["PGPASSWORD"] = user;
        start.Environment["PGSSLMODE"] = "require";
        start.Environment["PGCONNECT_TIMEOUT"] = "10";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await output).ReplaceLineEndings("\n"), await error);
    }

    private string Expected(string tenant, string sql, string separator) =>
        string.Concat(fixture.Embedded(tenant, sql).Rows.Select(r => string.Join(separator, r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))) + "\n"));

    [Fact]
    public async Task Select_prints_the_count()
    {
        var (code, output, error) = await PsqlAsync("tenant1", "select count(*), max(src_port) from packets");
        Assert.True(code == 0, error);
        Assert.Equal(Expected("tenant1", "select count(*), max(src_port) from packets", "|"), output);
        Assert.StartsWith("1795|", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arrays_print_as_postgresql_prints_them()
    {
        var (code, output, error) = await PsqlAsync("tenant1",
            "select ARRAY[1, NULL, 3], ARRAY['a b', 'x\"y', NULL, ''], ARRAY[true, false], ARRAY['2024-01-02 03:04:05+00'::timestamptz]",
            "\\copy (select ARRAY['a b', 'back\\slash'], ARRAY[1.5::float8, NULL]) to stdout");
        Assert.True(code == 0, error);
        Assert.Equal("""
            {1,NULL,3}|{"a b","x\"y",NULL,""}|{t,f}|{"2024-01-02 03:04:05+00"}
            {"a b","back\\\\slash"}	{1.5,NULL}

            """.ReplaceLineEndings("\n"), output);
    }

    [Fact]
    public async Task Copy_to_stdout_streams_text_rows()
    {
        const string Sql = "select src_port, dst_port, flags, payload_length from packets order by ts limit 50";
        var (code, output, error) = await PsqlAsync("tenant2", $"\\copy ({Sql}) to stdout");
        Assert.True(code == 0, error);
        Assert.Equal(Expected("tenant2", Sql, "\t"), output);
        Assert.Equal(50, output.Count(c => c == '\n'));
    }

    [Fact]
    public async Task Copy_to_stdout_in_csv_with_a_header_prints_timestamps_like_postgresql()
    {
        var (code, output, error) = await PsqlAsync("tenant1", "\\copy (select src_ip, ts from packets order by ts limit 2) to stdout with (format csv, header)");
        Assert.True(code == 0, error);
        Assert.Equal("src_ip,ts\n192.168.1.79,2011-12-16 21:35:33.493287+00\n131.159.21.1,2011-12-16 21:35:33.638788+00\n", output);
    }

    [Fact]
    public async Task Fetch_count_reads_through_a_cursor()
    {
        // With FETCH_COUNT psql wraps the query in BEGIN; DECLARE _psql_cursor ...; FETCH FORWARD 100 ...; CLOSE; COMMIT.
        var (code, output, error) = await PsqlAsync("tenant1", "\\set FETCH_COUNT 100", "select seq from packets");
        Assert.True(code == 0, error);
        Assert.Equal(Expected("tenant1", "select seq from packets", "|"), output);
    }

    [Fact]
    public async Task Errors_carry_sqlstate_and_position()
    {
        var (code, _, error) = await PsqlAsync("tenant1", "\\set VERBOSITY verbose", "select nosuch from packets");
        Assert.NotEqual(0, code);
        Assert.Contains("ERROR:  42703: column \"nosuch\" does not exist", error, StringComparison.Ordinal);
        Assert.Contains("LINE 1: select nosuch from packets", error, StringComparison.Ordinal);
    }
}
