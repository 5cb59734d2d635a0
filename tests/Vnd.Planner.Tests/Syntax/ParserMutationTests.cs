using Vnd.Planner.Errors;
using Vnd.Planner.Syntax;

namespace Vnd.Planner.Tests.Syntax;

/// <summary>
/// Deterministic mutation fuzzing of the client fixtures: whatever the damage, the parser either succeeds or
/// throws a SqlException with a position inside the text — never another exception type.
/// </summary>
public class ParserMutationTests
{
    private static readonly string[] Fragments = ["(", ")", "'", "\"", "$$", "/*", "--", ";", ",", "::", "[", "]", "SELECT", "FROM", "NOT", "IN", "CASE", "END", "*", ".", "$1", "1e", "E'\\", "U&'\\"];

    [Fact]
    public void MutatedClientQueriesFailOnlyWithSqlExceptions()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Syntax", "client-queries.sql");
        var corpus = File.ReadAllText(path).Split("-- fixture:", StringSplitOptions.RemoveEmptyEntries);
        var random = new Random(20261125);
        var failures = 0;
        for (var i = 0; i < 3000; i++)
        {
            var sql = Mutate(corpus[random.Next(corpus.Length)], random);
            try
            {
                SqlParser.ParseScript(sql);
            }
            catch (SqlException ex)
            {
                failures++;
                Assert.True(ex.Position is null || (ex.Position >= 1 && ex.Position <= sql.Length + 1), $"position {ex.Position} outside {sql.Length}: {sql}");
            }
        }

        Assert.InRange(failures, 100, 3000);
    }

    private static string Mutate(string sql, Random random)
    {
        var text = sql;
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && text.Length > 1; e++)
        {
            var at = random.Next(text.Length);
            text = random.Next(3) switch
            {
                0 => text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at)),
                1 => text.Insert(at, Fragments[random.Next(Fragments.Length)]),
                _ => text[..at] + text[(at + random.Next(text.Length - at))..],
            };
        }

        return text;
    }
}
