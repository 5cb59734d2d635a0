using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using Vnd.Engine.Cli;

namespace Vnd.Engine.Tests.Serve;

/// <summary>EXPLAIN ANALYZE over the wire (one text row per plan line, as PostgreSQL) and through <c>vnd query</c>.</summary>
[Collection(ServeCollection.Name)]
public sealed class ExplainAnalyzeTests(ServeFixture fixture)
{
    private const string Query = "select count(*) from packets where dst_port = 22";

    private long SshPackets => Convert.ToInt64(fixture.Embedded("tenant1", Query).Rows[0][0], CultureInfo.InvariantCulture);

    [Fact]
    public async Task Over_the_wire_each_plan_line_is_a_row_with_exact_actual_rows()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("explain analyze " + Query, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.Equal("QUERY PLAN", reader.GetName(0));
        var lines = new List<string>();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(0));

        Assert.StartsWith("Project:", lines[0], StringComparison.Ordinal);
        var scan = Assert.Single(lines, l => l.TrimStart().StartsWith("Scan: tenant1.packets", StringComparison.Ordinal));
        Assert.Contains($"(actual rows={SshPackets} ", scan, StringComparison.Ordinal);
        Assert.Contains("(actual rows=1 ", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^Execution Time: \d+\.\d{3} ms$", lines[^1]);
    }

    [Fact]
    public async Task Over_the_wire_a_failing_query_reports_its_error_and_the_session_goes_on()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString("tenant1"));
        await connection.OpenAsync();
        await using (var failing = new NpgsqlCommand("explain analyze select 1 / (flags - flags) from packets", connection))
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => failing.ExecuteNonQueryAsync());
            Assert.Equal("22012", error.SqlState);
        }
        await using var next = new NpgsqlCommand("select 1", connection);
        Assert.Equal(1, await next.ExecuteScalarAsync());
    }

    [Fact]
    public void Vnd_query_prints_the_analyzed_plan_like_psql()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var rc = QueryCommand.Run(new DirectoryInfo(fixture.Data), "tenant1", "explain analyze " + Query, output, error);
        Assert.Equal(0, rc);
        var text = output.ToString();
        Assert.Contains("QUERY PLAN", text, StringComparison.Ordinal);
        Assert.Matches(new Regex($@"Scan: tenant1\.packets .*\(actual rows={SshPackets} batches=\d+ loops=\d+ time="), text);
        Assert.Contains("Execution Time:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Vnd_query_prints_a_plain_explain_without_running_the_query()
    {
        var output = new StringWriter();
        var rc = QueryCommand.Run(new DirectoryInfo(fixture.Data), "tenant1", "explain " + Query, output, new StringWriter());
        Assert.Equal(0, rc);
        Assert.Contains("Scan: tenant1.packets", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("actual rows", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Vnd_query_reports_the_error_of_a_failing_analyzed_query()
    {
        var error = new StringWriter();
        var rc = QueryCommand.Run(new DirectoryInfo(fixture.Data), "tenant1", "explain analyze select 1 / (flags - flags) from packets", new StringWriter(), error);
        Assert.Equal(1, rc);
        Assert.StartsWith("ERROR:  22012:", error.ToString(), StringComparison.Ordinal);
    }
}
