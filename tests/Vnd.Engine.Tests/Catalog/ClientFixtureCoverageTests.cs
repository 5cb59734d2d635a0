using Vnd.Planner.Syntax;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Formatting;
using Xunit.Abstractions;

namespace Vnd.Engine.Tests.Catalog;

/// <summary>
/// Every SELECT of the project's client-query fixtures (tests/Vnd.Planner.Tests/Syntax/client-queries.sql) run
/// through a tenant's session against the system catalog. The statements VND cannot run yet are listed with the
/// reason, so this fails both when a supported query breaks and when an unsupported one starts working.
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
                }
                catch (Exception e) when (e is Vnd.Planner.Errors.SqlException or Vnd.Executor.ExecutionException)
                {
                    failures.Add($"{fixture} #{i + 1}");
                    output.WriteLine($"{fixture} #{i + 1}: {e.Message}");
                }
            }
        }
        output.WriteLine($"{ran} catalog statements, {failures.Count} unsupported");
        Assert.True(ran >= 36, $"only {ran} catalog statements found in the fixtures");
        Assert.Equal(KnownUnsupported.Order(StringComparer.Ordinal), failures.Order(StringComparer.Ordinal));
    }

    /// <summary>What VND cannot run yet, and why (see Vnd.Engine/Catalog/System/README.md, Limits).</summary>
    private static readonly string[] KnownUnsupported =
    [
        "pgJDBC getPrimaryKeys #1",            // (information_schema._pg_expandarray(indkey)).n: set-returning function, field selection
        "pgJDBC getPrimaryKeys #2",            // information_schema._pg_expandarray
    ];

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
