using System.Diagnostics;
using System.Text;
using Vnd.Planner.Errors;
using Vnd.Planner.Syntax;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Tests.Syntax;

/// <summary>Hostile sizes: deep nesting must end in 54001 (never a stack overflow), big inputs in linear time.</summary>
public class ParserLimitTests
{
    /// <summary>
    /// Only a hang guard against quadratic behaviour (which would take minutes at these sizes); an idle machine
    /// parses the 100k IN list in a fraction of a second, but test machines run many builds on two cores.
    /// </summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    [Fact]
    public void HundredThousandOpenParenthesesAreStatementTooComplex()
    {
        var sql = "SELECT " + new string('(', 100_000) + "1" + new string(')', 100_000);
        var error = Assert.ThrowsAny<SqlException>(() => SqlParser.ParseScript(sql));
        Assert.Equal(SqlState.StatementTooComplex, error.SqlState);
        Assert.Contains("stack depth limit exceeded", error.Message, StringComparison.Ordinal);
        Assert.Equal("SELECT ".Length + SqlParser.MaxNestingDepth + 1, error.Position);
    }

    [Fact]
    public void UnbalancedOpenParenthesesAreAlsoCaughtBeforeParsing()
    {
        var error = Assert.ThrowsAny<SqlException>(() => SqlParser.ParseScript("SELECT " + new string('(', 100_000)));
        Assert.Equal(SqlState.StatementTooComplex, error.SqlState);
    }

    [Fact]
    public void NestingUpToTheLimitParses()
    {
        var depth = SqlParser.MaxNestingDepth - 1;
        var sql = "SELECT " + new string('(', depth) + "1 + 2" + new string(')', depth);
        var query = Assert.IsType<SelectStatement>(SqlParser.ParseStatement(sql)).Query;
        Assert.IsType<BinaryExpr>(Assert.IsType<SelectCore>(query.Body).Items[0].Expr);
    }

    [Fact]
    public void DeeplyNestedSubqueriesParse()
    {
        var sql = new StringBuilder("SELECT 1");
        for (var i = 0; i < 900; i++)
        {
            sql.Insert(0, "SELECT * FROM (").Append(") AS s").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.IsType<SelectStatement>(SqlParser.ParseStatement(sql.ToString()));
    }

    [Fact]
    public void DeepCaseNestingWithoutParenthesesEndsIn54001NotACrash()
    {
        // CASE nests through the grammar without any bracket, so only the stack guard can stop it.
        var sql = "SELECT " + string.Concat(Enumerable.Repeat("CASE WHEN true THEN ", 50_000)) + "1" + string.Concat(Enumerable.Repeat(" END", 50_000));
        var error = Assert.ThrowsAny<SqlException>(() => SqlParser.ParseScript(sql));
        Assert.Equal(SqlState.StatementTooComplex, error.SqlState);
    }

    [Fact]
    public void HundredThousandElementInListParsesInLinearTime()
    {
        var sql = new StringBuilder("SELECT * FROM t WHERE x IN (0");
        for (var i = 1; i < 100_000; i++)
        {
            sql.Append(", ").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        sql.Append(')');
        var watch = Stopwatch.StartNew();
        var statement = SqlParser.ParseStatement(sql.ToString());
        watch.Stop();
        var where = Assert.IsType<SelectCore>(Assert.IsType<SelectStatement>(statement).Query.Body).Where;
        Assert.Equal(100_000, Assert.IsType<InListExpr>(where).Items.Count);
        Assert.True(watch.Elapsed < HangGuard, $"took {watch.Elapsed}");
    }

    [Fact]
    public void TenMegabyteIdentifierIsTruncatedQuickly()
    {
        var name = new string('x', 10 * 1024 * 1024);
        var watch = Stopwatch.StartNew();
        var quoted = Assert.IsType<ColumnRef>(SqlParser.ParseExpression("\"" + name + "\""));
        var bare = Assert.IsType<ColumnRef>(SqlParser.ParseExpression(name));
        watch.Stop();
        Assert.Equal(63, quoted.Names[0].Length);
        Assert.Equal(63, bare.Names[0].Length);
        Assert.True(watch.Elapsed < HangGuard, $"took {watch.Elapsed}");
    }

    [Fact]
    public void LongChainsOfBinaryOperatorsDoNotRecurse()
    {
        var sql = "SELECT 1" + string.Concat(Enumerable.Repeat(" + 1", 100_000));
        Assert.IsType<SelectStatement>(SqlParser.ParseStatement(sql));
    }
}
