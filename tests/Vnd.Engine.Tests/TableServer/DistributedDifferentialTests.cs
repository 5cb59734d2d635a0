using System.Diagnostics;
using Npgsql;
using Xunit.Abstractions;
using Vnd.Executor.Tests.Slt;

namespace Vnd.Engine.Tests.TableServer;

/// <summary>
/// Issue 6: the SQL engine's differential corpus (the generated queries of Vnd.Executor.Tests' DifferentialTests
/// over its trace tables) returns the same rows embedded and on 1, 2 and 3 <c>vnd table-server</c> processes,
/// with pushdown on and off. Rows are compared sorted, floats to 12 significant digits (<see cref="DistributedDemo.Rows"/>);
/// an error must carry the same SQLSTATE everywhere.
/// </summary>
[Collection(TableServerProcesses.Name)]
public sealed class DistributedDifferentialTests(DistributedCorpus corpus, ITestOutputHelper output) : IClassFixture<DistributedCorpus>
{
    /// <summary>The generated queries over storable tables (those over n, whose numeric/date/interval columns have no storage mapping, are left out).</summary>
    public static List<string> Queries() =>
        GeneratedQueries.All().Select(q => q.Sql).Where(sql => !sql.Contains(" FROM n", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task Every_generated_corpus_query_returns_the_same_rows_on_1_2_and_3_table_servers_with_pushdown_on_and_off()
    {
        var clock = Stopwatch.StartNew();
        var queries = Queries();
        var failures = new List<string>();
        var nonEmpty = 0;
        // One session per server for the whole corpus: what is compared is the answers, not logging in 546 times.
        await using var embedded = await Open(corpus.EmbeddedPort);
        var sessions = new List<(string Name, NpgsqlConnection Connection)>();
        try
        {
            foreach (var (name, _, _, port) in corpus.Distributed)
                sessions.Add((name, await Open(port)));
            foreach (var sql in queries)
            {
                // The servers answer at once (each on its own session): the run is bound by round trips, not CPU.
                var answers = await Task.WhenAll(sessions.Select(s => Answer(s.Connection, sql)).Prepend(Answer(embedded, sql)));
                var expected = answers[0];
                nonEmpty += expected.Count > 0 && !expected[0].StartsWith("ERROR", StringComparison.Ordinal) ? 1 : 0;
                for (var i = 0; i < sessions.Count; i++)
                {
                    if (!expected.SequenceEqual(answers[i + 1]))
                        failures.Add($"{sessions[i].Name}: {sql}\n  embedded: {string.Join("; ", expected.Take(10))}\n  distributed: {string.Join("; ", answers[i + 1].Take(10))}");
                }
            }
        }
        finally
        {
            foreach (var (_, connection) in sessions)
                await connection.DisposeAsync();
        }
        Assert.True(queries.Count >= 75, $"only {queries.Count} queries");
        // The corpus answers with rows, not errors: a broken setup (missing table) must not pass as agreement.
        Assert.True(nonEmpty >= queries.Count - 5, $"only {nonEmpty} of {queries.Count} queries returned rows embedded");
        Assert.True(failures.Count == 0, $"{failures.Count} disagreements over {queries.Count} queries × {corpus.Distributed.Count} configurations:\n" + string.Join("\n", failures));
        output.WriteLine($"{queries.Count} queries × {corpus.Distributed.Count + 1} servers compared in {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Typed arrays built on table servers (pushed-down projections, filters and aggregates) travel back as Arrow binary.</summary>
    [Fact]
    public async Task Array_queries_return_the_same_rows_on_every_configuration()
    {
        string[] queries =
        [
            "SELECT id, ARRAY[sport, dport], ARRAY[src, dst] FROM t WHERE len > 100",
            "SELECT id FROM t WHERE dport = ANY(ARRAY[80, 22])",
            "SELECT id, (ARRAY[seq, ack])[2] FROM t WHERE flags = 24",
            "SELECT src, cardinality(array_agg(dport)), count(*) FROM t GROUP BY src",
            "SELECT i.id, ARRAY[i.len, o.len] FROM t_in i JOIN t_out o ON i.id = o.id",
        ];
        var failures = new List<string>();
        await using var embedded = await Open(corpus.EmbeddedPort);
        foreach (var sql in queries)
        {
            var expected = await Answer(embedded, sql);
            Assert.True(expected.Count > 0 && !expected[0].StartsWith("ERROR", StringComparison.Ordinal), $"{sql}: {string.Join("; ", expected)}");
            foreach (var (name, _, _, port) in corpus.Distributed)
            {
                await using var connection = await Open(port);
                var actual = await Answer(connection, sql);
                if (!expected.SequenceEqual(actual))
                    failures.Add($"{name}: {sql}\n  embedded: {string.Join("; ", expected.Take(5))}\n  distributed: {string.Join("; ", actual.Take(5))}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Joins_cross_table_servers_and_without_pushdown_table_servers_only_scan()
    {
        const string Join = "explain SELECT count(*) FROM t_in i JOIN t_out o ON i.id = o.id WHERE i.len > 0";
        foreach (var (name, servers, pushdown, port) in corpus.Distributed)
        {
            var plan = await DistributedDemo.Rows(port, DistributedCorpus.Tenant, Join);
            var text = name + ":\n" + string.Join("\n", plan);
            var exchanges = plan.Where(l => l.StartsWith("Exchange", StringComparison.Ordinal)).ToList();
            if (pushdown)
            {
                Assert.True(plan.Any(l => l.Contains("filters=[(len#", StringComparison.Ordinal)), text);
                // Two servers or more: t_in and t_out are apart, and one side moves to the other's table server.
                Assert.True(servers > 1 ? exchanges.Any(e => !e.Contains("\"coordinator\"", StringComparison.Ordinal)) : exchanges.Count == 0, text);
            }
            else
            {
                Assert.True(plan.Contains("Fragment 0 at \"coordinator\" (result)"), text);
                Assert.True(exchanges.Count(e => e.Contains("-> fragment 0 at \"coordinator\": Rows", StringComparison.Ordinal)) == 2, text);
                Assert.False(plan.Any(l => l.Contains("filters=", StringComparison.Ordinal) || l.Contains("pruning=", StringComparison.Ordinal)), text);
                Assert.True(plan.Any(l => l.TrimStart().StartsWith("Filter: (len#", StringComparison.Ordinal)), text);
            }
        }
    }

    private static async Task<NpgsqlConnection> Open(int port)
    {
        var connection = new NpgsqlConnection(DistributedDemo.ConnectionString(port, DistributedCorpus.Tenant));
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The sorted rows, or the SQLSTATE as the single line "ERROR state".</summary>
    private static async Task<List<string>> Answer(NpgsqlConnection connection, string sql)
    {
        try
        {
            return (await DistributedDemo.Rows(connection, sql)).Order(StringComparer.Ordinal).ToList();
        }
        catch (PostgresException e)
        {
            return ["ERROR " + e.SqlState];
        }
    }
}
