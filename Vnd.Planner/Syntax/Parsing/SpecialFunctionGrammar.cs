using Pidgin;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Lexing;
using static Pidgin.Parser;
using static Vnd.Planner.Syntax.Parsing.Tok;

namespace Vnd.Planner.Syntax.Parsing;

/// <summary>
/// SQL-standard call syntaxes with keyword separators, desugared into plain calls as gram.y does:
/// EXTRACT, POSITION, SUBSTRING, TRIM, OVERLAY.
/// </summary>
internal static class SpecialFunctionGrammar
{
    private static readonly Parser<Token, Expr> ExprRef = Rec(() => ExpressionGrammar.Expr);
    private static readonly Parser<Token, Expr> Bound = Rec(() => ExpressionGrammar.OtherOperators);

    /// <summary>These words are also column names, so commit only when "(" follows (a two-token lookahead).</summary>
    private static Parser<Token, Token> Opening(string word) => Try(Kw(word).Before(LParen));

    private static readonly Parser<Token, Expr> Extract = Map(
        (kw, field, source) => (Expr)FunctionGrammar.Plain("extract", kw.Position, new StringLiteral(field.Text.ToLowerInvariant()) { Position = field.Position }, source),
        Opening("extract"),
        Match(t => t.Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier or TokenKind.String).Labelled("field"),
        Kw("from").Then(ExprRef).Before(RParen));

    private static readonly Parser<Token, Expr> Position = Map(
        (kw, needle, haystack) => (Expr)FunctionGrammar.Plain("position", kw.Position, haystack, needle),
        Opening("position"), Bound, Kw("in").Then(Bound).Before(RParen));

    /// <summary>SUBSTRING(x FROM a FOR b), SUBSTRING(x FOR b) (from 1), SUBSTRING(x SIMILAR p ESCAPE e), or SUBSTRING(x, a, b).</summary>
    private static readonly Parser<Token, Expr> Substring = Map(
        (kw, source, rest) => (Expr)FunctionGrammar.Plain("substring", kw.Position, [source, .. rest]),
        Opening("substring"),
        ExprRef,
        OneOf(
            Comma.Then(ListOf(ExprRef)).Select(args => args.AsSpan().ToArray()),
            Map((pattern, escape) => new[] { pattern, escape }, Kw("similar").Then(ExprRef), Kw("escape").Then(ExprRef)),
            Map<Token, Expr?, Expr?, Expr[]>((from, length) => from is null && length is null ? [] :
                    length is null ? [from!] : [from ?? new IntegerLiteral(1) { Position = length.Position }, length],
                OrNull(Kw("from").Then(ExprRef)), OrNull(Kw("for").Then(ExprRef))))).Before(RParen);

    private static readonly Parser<Token, string> TrimSide = OneOf(
        Kw("both").ThenReturn("btrim"), Kw("leading").ThenReturn("ltrim"), Kw("trailing").ThenReturn("rtrim"),
        Parser<Token>.Return("btrim"));

    /// <summary>TRIM([BOTH|LEADING|TRAILING] [chars] FROM x), TRIM(x [, chars]).</summary>
    private static readonly Parser<Token, Expr> Trim = Map(
        (kw, side, args) => (Expr)FunctionGrammar.Plain(side, kw.Position, args),
        Opening("trim"),
        TrimSide,
        OneOf(
            Kw("from").Then(ListOf(ExprRef)).Select(args => args.AsSpan().ToArray()),
            Map((first, rest) => rest switch
                {
                    { HasValue: true, Value.From: true } => [.. rest.Value.Args, first],
                    { HasValue: true } => [first, .. rest.Value.Args],
                    _ => new[] { first },
                },
                ExprRef,
                OneOf(
                    Kw("from").Then(ListOf(ExprRef)).Select(args => (From: true, Args: args.AsSpan().ToArray())),
                    Comma.Then(ListOf(ExprRef)).Select(args => (From: false, Args: args.AsSpan().ToArray()))).Optional()))).Before(RParen);

    private static readonly Parser<Token, Expr> Overlay = Map(
        (kw, source, replacement, from, length) => (Expr)FunctionGrammar.Plain("overlay", kw.Position,
            length is null ? [source, replacement, from] : [source, replacement, from, length]),
        Opening("overlay"), ExprRef, Kw("placing").Then(ExprRef), Kw("from").Then(ExprRef), OrNull(Kw("for").Then(ExprRef)).Before(RParen));

    public static readonly Parser<Token, Expr> SpecialFunction = OneOf(Extract, Position, Substring, Trim, Overlay);
}
