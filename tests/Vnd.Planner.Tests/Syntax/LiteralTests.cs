using Vnd.Planner.Syntax;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Tests.Syntax;

/// <summary>Lexical forms: numbers, every string syntax, identifiers and their folding/truncation.</summary>
public class LiteralTests
{
    private static Expr Parse(string sql) => SqlParser.ParseExpression(sql);

    private static TypeName Type(string name) => new([name], [], 0);

    [Fact]
    public void IntegersBecomeInt8UntilTheyOverflowIntoNumeric()
    {
        Assert.Equal(new IntegerLiteral(42), Parse("42"));
        Assert.Equal(new IntegerLiteral(long.MaxValue), Parse("9223372036854775807"));
        Assert.Equal(new NumericLiteral("9223372036854775808"), Parse("9223372036854775808"));
        Assert.Equal(new IntegerLiteral(long.MinValue), Parse("-9223372036854775808"));
        Assert.Equal(new IntegerLiteral(-5), Parse("-5"));
    }

    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData("1.5e-3", "1.5e-3")]
    [InlineData("2.592e+06", "2.592e+06")]
    [InlineData(".5", ".5")]
    [InlineData("5.", "5.")]
    [InlineData("1e10", "1e10")]
    public void DecimalsAndExponentsAreNumeric(string sql, string text) => Assert.Equal(new NumericLiteral(text), Parse(sql));

    [Theory]
    [InlineData("'abc'", "abc")]
    [InlineData("'it''s'", "it's")]
    [InlineData("''", "")]
    [InlineData("'a\\nb'", "a\\nb")]
    [InlineData("E'a\\nb\\t\\\\'", "a\nb\t\\")]
    [InlineData("e'\\x41\\101\\u00e9\\''", "AAé'")]
    [InlineData("U&'d\\0061t\\+000061'", "data")]
    [InlineData("$$it's$$", "it's")]
    [InlineData("$tag$a $$ b$tag$", "a $$ b")]
    [InlineData("$_1$x$_1$", "x")]
    [InlineData("'a'\n  'b'", "ab")]
    [InlineData("N'nat'", "nat")]
    public void StringForms(string sql, string value) => Assert.Equal(new StringLiteral(value), Parse(sql));

    [Fact]
    public void BitStrings()
    {
        Assert.Equal(new BitStringLiteral("0101"), Parse("B'0101'"));
        Assert.Equal(new BitStringLiteral("00011111"), Parse("X'1F'"));
    }

    [Fact]
    public void TypedLiterals()
    {
        Assert.Equal(new TypedLiteral(Type("timestamp"), "2024-01-01 00:00:00"), Parse("timestamp '2024-01-01 00:00:00'"));
        Assert.Equal(new TypedLiteral(Type("interval"), "1 hour"), Parse("INTERVAL '1 hour'"));
        Assert.Equal(new TypedLiteral(Type("date"), "2024-01-01"), Parse("date '2024-01-01'"));
        Assert.Equal(new TypedLiteral(Type("inet"), "10.0.0.1"), Parse("inet '10.0.0.1'"));
        Assert.Equal(new TypedLiteral(Type("timestamptz"), "x"), Parse("timestamp with time zone 'x'"));
        Assert.Equal(new TypedLiteral(Type("timestamp"), "x"), Parse("timestamp without time zone 'x'"));
        Assert.Equal(new TypedLiteral(Type("float8"), "1"), Parse("double precision '1'"));
        Assert.Equal(new TypedLiteral(Type("int4"), "1"), Parse("int '1'"));
    }

    [Fact]
    public void KeywordConstantsAndParameters()
    {
        Assert.Equal(new BooleanLiteral(true), Parse("TRUE"));
        Assert.Equal(new BooleanLiteral(false), Parse("false"));
        Assert.Equal(new NullLiteral(), Parse("NULL"));
        Assert.Equal(new ParameterRef(12), Parse("$12"));
        Assert.Equal(new SpecialValue("current_timestamp"), Parse("CURRENT_TIMESTAMP"));
        Assert.Equal(new SpecialValue("current_schema"), Parse("current_schema"));
        Assert.Equal(new FunctionCall(["current_schema"], []), Parse("current_schema()"));
        Assert.Equal(new SpecialValue("session_user"), Parse("SESSION_USER"));
        Assert.Equal(new SpecialValue("user"), Parse("user"));
    }

    [Fact]
    public void IdentifiersFoldUnlessQuoted()
    {
        Assert.Equal(new ColumnRef(["mycol"]), Parse("MyCol"));
        Assert.Equal(new ColumnRef(["Q", "x"]), Parse("\"Q\".\"x\""));
        Assert.Equal(new ColumnRef(["s", "t", "a"]), Parse("S.t.A"));
        Assert.Equal(new ColumnRef(["a\"b"]), Parse("\"a\"\"b\""));
        Assert.Equal(new ColumnRef(["t", "from"]), Parse("t.from"));
        Assert.Equal(new ColumnRef(["dat"]), Parse("U&\"d\\0061t\""));
        Assert.Equal(new StarExpr(["t"]), Parse("t.*"));
    }

    [Fact]
    public void IdentifiersAreTruncatedTo63Bytes()
    {
        var expr = Assert.IsType<ColumnRef>(Parse(new string('a', 100)));
        Assert.Equal(new string('a', 63), expr.Names[0]);

        // 'é' is two bytes in UTF-8: 31 of them fill 62 bytes and the 32nd would cross 63.
        var wide = Assert.IsType<ColumnRef>(Parse("\"" + new string('é', 40) + "\""));
        Assert.Equal(new string('é', 31), wide.Names[0]);
    }

    [Fact]
    public void CommentsAreWhitespaceAndNest()
    {
        Assert.Equal(new IntegerLiteral(1), Parse("/* a /* nested */ comment */ 1 -- trailing"));
        Assert.Equal("(a * b)", Vnd.Planner.Syntax.Formatting.SqlFormatter.Format(Parse("a*/* c */b")));
        Assert.Equal("(a - b)", Vnd.Planner.Syntax.Formatting.SqlFormatter.Format(Parse("a-- c\n-b")));
    }

    [Fact]
    public void PositionsAreZeroBasedOffsetsOfTheFirstToken()
    {
        var binary = Assert.IsType<BinaryExpr>(Parse("  a +  b"));
        Assert.Equal(4, binary.Position);
        Assert.Equal(2, binary.Left.Position);
        Assert.Equal(7, binary.Right.Position);
        var call = Assert.IsType<FunctionCall>(Parse("x.f(1)"));
        Assert.Equal(0, call.Position);
        Assert.Equal(4, call.Arguments[0].Position);
    }
}
