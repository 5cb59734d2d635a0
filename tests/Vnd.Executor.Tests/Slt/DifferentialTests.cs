namespace Vnd.Executor.Tests.Slt;

/// <summary>One PostgreSQL 15 per test run, loaded with tests/slt/tables.sql.</summary>
public sealed class PostgresFixture : IDisposable
{
    public PostgresFixture()
    {
        Server = new PostgresServer();
        Engine = new PostgresEngine(Server.ConnectionString);
        Engine.Execute(SltCorpus.SetupSql);
    }

    public PostgresServer Server { get; }

    public PostgresEngine Engine { get; }

    public void Dispose()
    {
        Engine.Dispose();
        Server.Dispose();
    }
}

/// <summary>
/// Differential testing: every query of the .slt corpus plus generated queries over the same tables run on VND
/// and on a real PostgreSQL 15 started for the run; result multisets must agree (floats to 12 digits), errors
/// must carry the same SQLSTATE. PostgreSQL failing to start fails the test (it is on the machine image and in
/// CI; scripts/prerequisites.sh installs it).
/// </summary>
public sealed class DifferentialTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly Lazy<VndEngine> Vnd = new(() => new VndEngine(SltCorpus.SetupSql));

    [Fact]
    public void Corpus_and_generated_queries_agree_with_postgres()
    {
        if (Environment.GetEnvironmentVariable("VND_SLT_REGENERATE") == "1")
        {
            var problems = new List<string>();
            foreach (var file in SltCorpus.Files)
            {
                try
                {
                    SltRegenerator.Rewrite(file, postgres.Engine.Run);
                }
                catch (InvalidOperationException e)
                {
                    problems.Add(e.Message);
                }
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
        var queries = SltCorpus.AllRecords().Where(r => r.SkipReason is null)
            .Select(r => (Name: r.ToString(), r.Sql, Types: r.Types ?? "", r.Sort == SltSort.NoSort ? SltSort.RowSort : r.Sort))
            .Concat(GeneratedQueries.All().Select((q, i) => ($"generated #{i}", q.Sql, q.Types, SltSort.RowSort)))
            .ToList();
        var failures = new List<string>();
        var compared = 0;
        foreach (var (name, sql, types, sort) in queries)
        {
            var expected = postgres.Engine.Run(sql);
            var actual = Vnd.Value.Run(sql);
            compared++;
            if (Disagreement(expected, actual, types, sort) is { } difference)
                failures.Add($"{name}: {difference}\n  SQL: {sql.ReplaceLineEndings(" ")}");
        }
        Assert.True(compared >= 300, $"only {compared} queries compared");
        Assert.True(failures.Count == 0, $"{failures.Count} of {compared} queries disagree:\n" + string.Join("\n", failures));
    }

    /// <summary>
    /// Seeded random queries (<see cref="RandomQueries"/>): a fixed seed in CI, so a failure reproduces; set
    /// VND_RANDOM_SEED and VND_RANDOM_QUERIES to explore further.
    /// </summary>
    [Fact]
    public void Random_queries_agree_with_postgres()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("VND_RANDOM_SEED"), out var s) ? s : 20261127;
        var count = int.TryParse(Environment.GetEnvironmentVariable("VND_RANDOM_QUERIES"), out var c) ? c : 2000;
        var failures = new List<string>();
        var answered = 0;
        foreach (var (sql, types) in RandomQueries.Take(seed, count))
        {
            var expected = postgres.Engine.Run(sql);
            var actual = Vnd.Value.Run(sql);
            if (expected.ErrorState is null)
                answered++;
            // Every column compares as text: numbers digit for digit, numeric scales included.
            if (Disagreement(expected, actual, new string('T', types.Length), SltSort.RowSort) is { } difference)
                failures.Add($"{difference}\n  SQL: {sql}");
        }
        // Most queries must be answered, not rejected alike by both: otherwise the generator tests only errors.
        Assert.True(answered >= count * 3 / 4, $"only {answered} of {count} random queries answered by PostgreSQL");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} random queries (seed {seed}) disagree:\n" + string.Join("\n", failures));
    }

    private static string? Disagreement(SltResult expected, SltResult actual, string types, SltSort sort)
    {
        if (expected.ErrorState is not null || actual.ErrorState is not null)
        {
            return expected.ErrorState == actual.ErrorState ? null
                : $"PostgreSQL {expected.ErrorState ?? "ok"} ({expected.ErrorMessage}), VND {actual.ErrorState ?? "ok"} ({actual.ErrorMessage})";
        }
        if (types.Length == 0)
            return null;
        return SltComparer.Difference(expected.Lines(), actual.Lines(), types, sort);
    }
}
