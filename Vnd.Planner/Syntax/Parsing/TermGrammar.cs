using System.Globalization;
using Pidgin;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Lexing;
using static Pidgin.Parser;
using static Vnd.Planner.Syntax.Parsing.Tok;

namespace Vnd.Planner.Syntax.Parsing;

/// <summary>
/// Operands (PostgreSQL's c_expr): literals, parameters, parenthesised expressions, subqueries, keyword-led
/// forms and name-led forms (column references, function calls, typed literals). Every alternative is decided
/// by its first token, so no backtracking is needed.
/// </summary>
internal static class TermGrammar
{
    private static readonly Parser<Token, Expr> ExprRef = Rec(() => ExpressionGrammar.Expr);
    private static readonly Parser<Token, Query> SubqueryStart = Rec(() => QueryGrammar.SubqueryStart);

    private static readonly Parser<Token, Expr> Literal = OneOf(
        Kind(TokenKind.Integer).Select(IntegerOrNumeric),
        Kind(TokenKind.Numeric).Select(t => (Expr)new NumericLiteral(t.Text) { Position = t.Position }),
        StringToken.Select(t => (Expr)new StringLiteral(t.Text) { Position = t.Position }),
        Kind(TokenKind.BitString).Select(t => (Expr)new BitStringLiteral(BitsOf(t.Text)) { Position = t.Position }),
        Kind(TokenKind.Parameter).Select(Parameter),
        Kw("true").Select(t => (Expr)new BooleanLiteral(true) { Position = t.Position }),
        Kw("false").Select(t => (Expr)new BooleanLiteral(false) { Position = t.Position }),
        Kw("null").Select(t => (Expr)new NullLiteral { Position = t.Position }));

    /// <summary>( subquery ) | ( expr ) | ( expr, expr, … ) row constructor.</summary>
    private static readonly Parser<Token, Expr> Parenthesised = Map(
        (open, inner) => inner switch
        {
            Query q => new SubqueryExpr(q) { Position = open.Position },
            SqlList<Expr> { Count: 1 } single => single[0],
            SqlList<Expr> fields => new RowExpr(fields) { Position = open.Position },
            _ => throw new InvalidOperationException("unreachable"),
        },
        LParen,
        OneOf(SubqueryStart.Cast<object>(), ListOf(ExprRef).Cast<object>()).Before(RParen));

    private static readonly Parser<Token, WhenClause> When = Map(
        (kw, condition, result) => new WhenClause(condition, result) { Position = kw.Position },
        Kw("when"), ExprRef, Kw("then").Then(ExprRef));

    private static readonly Parser<Token, Expr> Case = Map(
        (kw, operand, whens, otherwise) => (Expr)new CaseExpr(operand, SqlList.From(whens), otherwise) { Position = kw.Position },
        Kw("case"), OrNull(ExprRef), When.AtLeastOnce(), OrNull(Kw("else").Then(ExprRef))).Before(Kw("end"));

    private static readonly Parser<Token, Expr> Cast = Map(
        (kw, operand, type) => (Expr)new CastExpr(operand, type, CastSyntax.Cast) { Position = kw.Position },
        Kw("cast"), LParen.Then(ExprRef), Kw("as").Then(Rec(() => TypeNameGrammar.TypeName)).Before(RParen));

    private static readonly Parser<Token, Expr> Exists = Map(
        (kw, query) => (Expr)new ExistsExpr(query) { Position = kw.Position },
        Kw("exists"), Parens(Rec(() => QueryGrammar.Query)));

    private static readonly Parser<Token, Expr> BareArray = Rec(() => ArrayBody!);

    private static readonly Parser<Token, Expr> ArrayBody = Map(
        (open, elements) => (Expr)new ArrayExpr(SqlList.From(elements)) { Position = open.Position },
        LBracket, OneOf(BareArray, ExprRef).Separated(Comma).Before(RBracket));

    /// <summary>ARRAY[…] or ARRAY(subquery).</summary>
    private static readonly Parser<Token, Expr> Array = Map(
        (kw, body) => body with { Position = kw.Position },
        Kw("array"),
        OneOf(ArrayBody, Parens(Rec(() => QueryGrammar.Query)).Select(q => (Expr)new ArraySubqueryExpr(q))));

    private static readonly Parser<Token, Expr> Row = Map(
        (kw, fields) => (Expr)new RowExpr(SqlList.From(fields)) { Position = kw.Position },
        Kw("row"), Parens(ExprRef.Separated(Comma)));

    /// <summary>ANY/SOME/ALL (array or subquery), valid only as an operator's right operand.</summary>
    private static readonly Parser<Token, Expr> Quantified = Map(
        (kw, operand) => (Expr)new QuantifiedOperand(kw.Text == "all" ? Quantifier.All : Quantifier.Any, operand) { Position = kw.Position },
        Kw("any").Or(Kw("some")).Or(Kw("all")),
        Parens(OneOf(SubqueryStart.Select(q => (Expr)new SubqueryExpr(q)), ExprRef)));

    /// <summary>SQL value functions written without parentheses.</summary>
    private static readonly Parser<Token, Expr> SpecialValue = Match(t => t.Kind == TokenKind.Identifier && t.Text is "current_date"
            or "current_time" or "current_timestamp" or "localtime" or "localtimestamp" or "current_user" or "current_role"
            or "session_user" or "user" or "current_catalog")
        .Select(t => (Expr)new SpecialValue(t.Text) { Position = t.Position });

    /// <summary>current_schema is a function name too: current_schema() and bare current_schema both work.</summary>
    private static readonly Parser<Token, Expr> CurrentSchema = Map(
        (kw, call) => call.HasValue
            ? (Expr)FunctionGrammar.Decorate(SqlList.Create<string>(["current_schema"]), kw.Position, call.Value)
            : new SpecialValue("current_schema") { Position = kw.Position },
        Kw("current_schema"), FunctionGrammar.Call.Optional());

    public static readonly Parser<Token, Expr> Term = OneOf(
        Literal,
        Parenthesised,
        Case,
        Cast,
        Exists,
        Array,
        Row,
        Quantified,
        SpecialValue,
        CurrentSchema,
        SpecialFunctionGrammar.SpecialFunction,
        NameGrammar.NameLed).Labelled("expression");

    private static Expr IntegerOrNumeric(Token t) =>
        long.TryParse(t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? new IntegerLiteral(value) { Position = t.Position }
            : new NumericLiteral(t.Text) { Position = t.Position };

    private static Expr Parameter(Token t) =>
        int.TryParse(t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? new ParameterRef(index) { Position = t.Position }
            : throw new Errors.SqlSyntaxException("there is no parameter $" + t.Text, t.Position + 1);

    /// <summary>Bit strings as 0/1 characters; X'1F' expands each hex digit to four bits.</summary>
    private static string BitsOf(string text)
    {
        if (text[0] == 'b')
        {
            return text[1..];
        }

        var bits = new System.Text.StringBuilder((text.Length - 1) * 4);
        foreach (var c in text.AsSpan(1))
        {
            bits.Append(Convert.ToString(int.Parse(c.ToString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture), 2).PadLeft(4, '0'));
        }

        return bits.ToString();
    }
}
