using Vnd.Planner.Syntax;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Formatting;
using Xunit.Abstractions;

namespace Vnd.Engine.Tests.Catalog;

/// <summary>
/// Every SELECT of the project's client-query fixtures (tests/Vnd.Planner.Tests/Syntax/client-queries.sql) run
/// through a tenant's session against the system catalog: every one runs, except those PostgreSQL 15 rejects too,
/// which must fail with PostgreSQL's SQLSTATE.
/// </summary>
public sealed class ClientFixtureCoverageTests(ITestOutputHelper output) : IDisposable
{
    private readonly TwoTenantStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Fixture_selects_run_except_the_known_unsupported()
    {
        var failures = new List<string>();
        var ran = 0;
        foreach (var (fixture, statements) in Fixtures())
        {
            for (var i = 0; i < statements.Count; i++)
            {
                var sql = SqlFormatter.Format(statements[i]);
                ran++;
                try
                {
                    _store.Session("acme").Run(sql);
                    if (FailLikePostgres.ContainsKey($"{fixture} #{i + 1}"))
                        failures.Add($"{fixture} #{i + 1} ran, PostgreSQL rejects it");
                }
                catch (Vnd.Planner.Errors.SqlException e) when (FailLikePostgres.GetValueOrDefault($"{fixture} #{i + 1}") == e.SqlState)
                {
                    output.WriteLine($"{fixture} #{i + 1} fails like PostgreSQL: {e.SqlState} {e.Message}");
                }
                catch (Exception e) when (e is Vnd.Planner.Errors.SqlException or Vnd.Executor.ExecutionException)
                {
                    failures.Add($"{fixture} #{i + 1}");
                    output.WriteLine($"{fixture} #{i + 1}: {e.Message}");
                }
            }
        }
        output.WriteLine($"{ran} catalog statements, {failures.Count} failed");
        Assert.True(ran >= 37, $"only {ran} catalog statements found in the fixtures");
        Assert.Empty(failures);
    }

    /// <summary>
    /// Statements that fail, with the SQLSTATE PostgreSQL 15 gives them too: the second getPrimaryKeys statement is
    /// not what pgJDBC sends (its inner SELECT names n and ci, which its FROM lacks; PostgreSQL: missing
    /// FROM-clause entry for table "n"). The third statement of that fixture is what pgJDBC 42.5 does send.
    /// </summary>
    private static readonly Dictionary<string, string> FailLikePostgres = new(StringComparer.Ordinal)
    {
        ["pgJDBC getPrimaryKeys #2"] = "42P01",
    };

    /// <summary>Catalog and session queries (data queries over trace tables are tested elsewhere); none with $n parameters, which the session layer binds.</summary>
    private static bool IsCatalogQuery(string sql) =>
        !sql.Contains('$', StringComparison.Ordinal) && (sql.Contains("pg_", StringComparison.Ordinal)
            || sql.Contains("information_schema", StringComparison.Ordinal) || sql.Contains("current_", StringComparison.Ordinal));

    /// <summary>Fixtures and their catalog SELECT statements.</summary>
    private static IEnumerable<(string, List<Statement>)> Fixtures()
    {
        string? name = null;
        var body = new List<string>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Catalog", "client-queries.sql")).Append("-- fixture: end"))
        {
            if (!line.StartsWith("-- fixture: ", StringComparison.Ordinal))
            {
                body.Add(line);
                continue;
            }
            if (name is not null)
            {
                var selects = SqlParser.ParseScript(string.Join('\n', body))
                    .Where(s => s is SelectStatement && IsCatalogQuery(SqlFormatter.Format(s))).ToList();
                if (selects.Count > 0)
                    yield return (name, selects);
            }
            name = line["-- fixture: ".Length..];
            body.Clear();
        }
    }
}
