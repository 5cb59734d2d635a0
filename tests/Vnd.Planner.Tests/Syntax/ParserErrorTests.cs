using Vnd.Planner.Errors;
using Vnd.Planner.Syntax;

namespace Vnd.Planner.Tests.Syntax;

/// <summary>Error wording, SQLSTATE and position against the crafted cases in parser-errors.txt.</summary>
public class ParserErrorTests
{
    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        var path = Path.Combine(AppContext.BaseDirectory, "Syntax", "parser-errors.txt");
        var sql = new List<string>();
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.StartsWith('#') || (line.Length == 0 && sql.Count == 0))
            {
                continue;
            }

            if (line.StartsWith("--> ", StringComparison.Ordinal))
            {
                var parts = line[4..].Split(' ', 3);
                data.Add(string.Join('\n', sql), parts[0], parts[1], parts[2]);
                sql.Clear();
            }
            else
            {
                sql.Add(line);
            }
        }

        Assert.Empty(sql);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReportsWhatPostgreSqlReports(string sql, string sqlState, string position, string message)
    {
        var error = Assert.ThrowsAny<SqlException>(() => SqlParser.ParseScript(sql));
        Assert.Equal(message, error.Message);
        Assert.Equal(sqlState, error.SqlState);
        Assert.Equal(position == "-" ? null : int.Parse(position, System.Globalization.CultureInfo.InvariantCulture), error.Position);
    }

    [Fact]
    public void TheCaseFileIsNotEmpty() => Assert.True(Cases().Count >= 30);
}
