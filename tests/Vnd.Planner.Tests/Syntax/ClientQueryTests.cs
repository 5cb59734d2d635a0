using Vnd.Planner.Syntax;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Formatting;

namespace Vnd.Planner.Tests.Syntax;

/// <summary>
/// The catalog and session SQL that psql, Npgsql, pgJDBC, Grafana and psycopg2 send (client-queries.sql).
/// Each fixture must parse, and its canonical form must parse back to an equal tree — a check that the
/// formatter and the parser agree on every node those queries use.
/// </summary>
public class ClientQueryTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var name in Load().Keys)
        {
            data.Add(name);
        }

        return data;
    }

    private static Dictionary<string, string> Load()
    {
        var fixtures = new Dictionary<string, string>();
        var path = Path.Combine(AppContext.BaseDirectory, "Syntax", "client-queries.sql");
        string? name = null;
        var body = new List<string>();
        foreach (var line in File.ReadAllLines(path).Append("-- fixture: end"))
        {
            if (!line.StartsWith("-- fixture: ", StringComparison.Ordinal))
            {
                body.Add(line);
                continue;
            }

            if (name is not null)
            {
                fixtures.Add(name, string.Join('\n', body));
            }

            name = line["-- fixture: ".Length..];
            body.Clear();
        }

        return fixtures;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void ParsesAndRoundTrips(string fixture)
    {
        var sql = Load()[fixture];
        var script = SqlParser.ParseScript(sql);
        if (fixture.Contains("health", StringComparison.Ordinal))
        {
            Assert.Empty(script);
            return;
        }

        Assert.NotEmpty(script);
        Assert.DoesNotContain(script, s => s is UnsupportedStatement);
        foreach (var statement in script)
        {
            var canonical = SqlFormatter.Format(statement);
            Assert.Equal(statement, SqlParser.ParseStatement(canonical));
        }
    }

    [Fact]
    public void NpgsqlConnectScriptHasFourStatements() =>
        Assert.Equal(4, SqlParser.ParseScript(Load()["Npgsql connect (type loading)"]).Count);

    [Fact]
    public void PsqlLookupKeepsOperatorSchemaAndCollation()
    {
        var query = Assert.IsType<SelectStatement>(SqlParser.ParseScript(Load()[@"psql \d lookup (PG15)"])[0]).Query;
        var where = Assert.IsType<BinaryExpr>(Assert.IsType<SelectCore>(query.Body).Where);
        var match = Assert.IsType<BinaryExpr>(where.Left);
        Assert.Equal(("~", "pg_catalog"), (match.Operator, match.Schema));
        var pattern = Assert.IsType<CollateExpr>(match.Right);
        Assert.Equal(new StringLiteral("^(trace_a)$"), pattern.Operand);
        Assert.Equal(["pg_catalog", "default"], pattern.Collation);
    }
}
