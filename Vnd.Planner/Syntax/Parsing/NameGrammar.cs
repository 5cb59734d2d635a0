using Pidgin;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Lexing;
using static Pidgin.Parser;
using static Vnd.Planner.Syntax.Parsing.Tok;

namespace Vnd.Planner.Syntax.Parsing;

/// <summary>
/// Terms that start with a name: a.b.c column references, t.* stars, f(…) calls and
/// <c>typename 'literal'</c> (timestamp '…', interval '1 hour', double precision '1', timestamp with time zone '…').
/// </summary>
internal static class NameGrammar
{
    private abstract record Tail;

    private sealed record CallTailBox(CallTail Call) : Tail;

    private sealed record LiteralTail(string? Suffix, string Value) : Tail;

    private sealed record NoTail : Tail;

    private static readonly Parser<Token, string> Part = ColLabel.Or(Op("*").Select(_ => "*"));

    private static readonly Parser<Token, Tail> After = OneOf(
        Rec(() => FunctionGrammar.Call).Select(call => (Tail)new CallTailBox(call)),
        StringToken.Select(t => (Tail)new LiteralTail(null, t.Text)),
        Map((zone, value) => (Tail)new LiteralTail(zone, value.Text),
            OneOf(Kws("with", "time", "zone").ThenReturn("tz"), Kws("without", "time", "zone").ThenReturn(string.Empty)), StringToken),
        Kw("precision").Then(StringToken).Select(t => (Tail)new LiteralTail("precision", t.Text)),
        Parser<Token>.Return((Tail)new NoTail()));

    public static readonly Parser<Token, Expr> NameLed = Map(
        (first, rest, tail) => Build(first, SqlList.From(rest), tail),
        Match(t => t.Kind == TokenKind.QuotedIdentifier || (t.Kind == TokenKind.Identifier && Keywords.IsFunctionName(t.Text))),
        Dot.Then(Part).Many(),
        After);

    private static Expr Build(Token first, SqlList<string> rest, Tail tail)
    {
        var names = Prepend(first.Text, rest);
        var star = names[^1] == "*";
        return tail switch
        {
            CallTailBox call when !star => FunctionGrammar.Decorate(names, first.Position, call.Call),
            LiteralTail literal when !star => new TypedLiteral(LiteralType(first, rest, literal.Suffix), literal.Value) { Position = first.Position },
            NoTail when star => new StarExpr(SqlList.Create<string>(names.AsSpan()[..^1])) { Position = first.Position },
            NoTail => new ColumnRef(names) { Position = first.Position },
            _ => throw new Errors.SqlSyntaxException("syntax error at or near \"*\"", first.Position + 1),
        };
    }

    private static TypeName LiteralType(Token first, SqlList<string> rest, string? suffix)
    {
        var names = suffix switch
        {
            "precision" when first.Text == "double" => SqlList.Create<string>(["float8"]),
            "tz" or "" when first.Text is "timestamp" or "time" => SqlList.Create<string>([first.Text + suffix]),
            null => TypeNameGrammar.Normalise(first, rest),
            _ => throw new Errors.SqlSyntaxException("syntax error at or near \"" + first.Text + "\"", first.Position + 1),
        };
        return new TypeName(names, SqlList<Expr>.Empty, 0) { Position = first.Position };
    }
}
