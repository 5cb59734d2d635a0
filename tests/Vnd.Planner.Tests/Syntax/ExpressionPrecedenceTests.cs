using Vnd.Planner.Syntax;
using Vnd.Planner.Syntax.Formatting;

namespace Vnd.Planner.Tests.Syntax;

/// <summary>Operator precedence and associativity as in PostgreSQL's "Operator Precedence" table.</summary>
public class ExpressionPrecedenceTests
{
    private static string Format(string sql) => SqlFormatter.Format(SqlParser.ParseExpression(sql));

    [Theory]
    [InlineData("a + b * c", "(a + (b * c))")]
    [InlineData("a * b + c", "((a * b) + c)")]
    [InlineData("a - b - c", "((a - b) - c)")]
    [InlineData("a / b % c", "((a / b) % c)")]
    [InlineData("2 ^ 3 ^ 2", "((2 ^ 3) ^ 2)")]
    [InlineData("-a ^ 2", "((-a) ^ 2)")]
    [InlineData("a * b ^ c", "(a * (b ^ c))")]
    [InlineData("a || b + c", "(a || (b + c))")]
    [InlineData("a << b + 1", "(a << (b + 1))")]
    [InlineData("a = b || c", "(a = (b || c))")]
    [InlineData("a < b AND c > d OR e", "(((a < b) AND (c > d)) OR e)")]
    [InlineData("a OR b AND c", "(a OR (b AND c))")]
    [InlineData("NOT a AND b", "((NOT a) AND b)")]
    [InlineData("NOT a = b", "(NOT (a = b))")]
    [InlineData("NOT NOT a", "(NOT (NOT a))")]
    [InlineData("a = b IS NULL", "((a = b) IS NULL)")]
    [InlineData("a IS NOT NULL AND b ISNULL", "((a IS NOT NULL) AND (b IS NULL))")]
    [InlineData("a NOTNULL", "(a IS NOT NULL)")]
    [InlineData("a IS TRUE", "(a IS TRUE)")]
    [InlineData("a IS NOT UNKNOWN", "(a IS NOT UNKNOWN)")]
    [InlineData("a IS DISTINCT FROM b + 1", "(a IS DISTINCT FROM (b + 1))")]
    [InlineData("a IS NOT DISTINCT FROM b", "(a IS NOT DISTINCT FROM b)")]
    [InlineData("a BETWEEN 1 AND 2 AND b", "((a BETWEEN 1 AND 2) AND b)")]
    [InlineData("a NOT BETWEEN SYMMETRIC b + 1 AND c * 2", "(a NOT BETWEEN SYMMETRIC (b + 1) AND (c * 2))")]
    [InlineData("a IN (1, 2) = true", "((a IN (1, 2)) = TRUE)")]
    [InlineData("a NOT IN (1)", "(a NOT IN (1))")]
    [InlineData("a LIKE 'x%' ESCAPE '!'", "(a LIKE 'x%' ESCAPE '!')")]
    [InlineData("a NOT ILIKE b || '%'", "(a NOT ILIKE (b || '%'))")]
    [InlineData("a SIMILAR TO 'x'", "(a SIMILAR TO 'x')")]
    [InlineData("a ~ 'x' AND b !~ 'y'", "((a ~ 'x') AND (b !~ 'y'))")]
    [InlineData("a ~* 'x' OR b !~* 'y'", "((a ~* 'x') OR (b !~* 'y'))")]
    [InlineData("a::int + 1", "((a::int4) + 1)")]
    [InlineData("-a::int", "(-(a::int4))")]
    [InlineData("a[1]::text", "((a[1])::text)")]
    [InlineData("a[1:2]", "(a[1:2])")]
    [InlineData("a[:2]", "(a[:2])")]
    [InlineData("a[1][2]", "((a[1])[2])")]
    [InlineData("x COLLATE \"C\" < y", "((x COLLATE \"C\") < y)")]
    [InlineData("ts AT TIME ZONE 'UTC' + interval '1 hour'", "((ts AT TIME ZONE 'UTC') + interval '1 hour')")]
    [InlineData("ip << '10.0.0.0/8'::inet", "(ip << ('10.0.0.0/8'::inet))")]
    [InlineData("ip <<= net OR ip >>= net OR a && b", "(((ip <<= net) OR (ip >>= net)) OR (a && b))")]
    [InlineData("a & b | c", "((a & b) | c)")]
    [InlineData("~a", "(~a)")]
    [InlineData("a<-1", "(a < -1)")]
    [InlineData("a != b", "(a <> b)")]
    [InlineData("a OPERATOR(pg_catalog.~) 'x' COLLATE pg_catalog.default", "(a OPERATOR(pg_catalog.~) ('x' COLLATE pg_catalog.\"default\"))")]
    [InlineData("a = ANY(b)", "(a = ANY(b))")]
    [InlineData("a <> ALL(ARRAY[1, 2])", "(a <> ALL(ARRAY[1, 2]))")]
    [InlineData("a = SOME(SELECT 1)", "(a = ANY(SELECT 1))")]
    [InlineData("a >= b AND b <= c", "((a >= b) AND (b <= c))")]
    public void Precedence(string sql, string expected) => Assert.Equal(expected, Format(sql));
}
