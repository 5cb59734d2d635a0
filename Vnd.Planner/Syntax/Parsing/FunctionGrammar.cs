using Pidgin;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Lexing;
using static Pidgin.Parser;
using static Vnd.Planner.Syntax.Parsing.Tok;

namespace Vnd.Planner.Syntax.Parsing;

/// <summary>What follows a function name: (args) and the aggregate/window decorations.</summary>
internal readonly record struct CallTail(
    SqlList<Expr> Arguments, bool Star, bool Distinct, SqlList<OrderItem> OrderBy,
    SqlList<OrderItem> WithinGroup, Expr? Filter, WindowSpec? Over);

/// <summary>f(args) [WITHIN GROUP (ORDER BY …)] [FILTER (WHERE …)] [OVER …].</summary>
internal static class FunctionGrammar
{
    private static readonly Parser<Token, Expr> ExprRef = Rec(() => ExpressionGrammar.Expr);

    private static readonly Parser<Token, bool> DistinctFlag = OneOf(
        Kw("distinct").ThenReturn(true), Kw("all").ThenReturn(false), Parser<Token>.Return(false));

    /// <summary>An argument in named notation, name => value (or the older name := value), or a positional one.</summary>
    private static readonly Parser<Token, Expr> Argument = OneOf(
        Try(Map((name, _) => name, Match(t => t.Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier), Op("=>").Or(Kind(TokenKind.ColonEquals))))
            .Then(ExprRef, (name, value) => (Expr)new NamedArgument(name.Text, value) { Position = name.Position }),
        ExprRef);

    private static readonly Parser<Token, (SqlList<Expr> Args, bool Star, bool Distinct, SqlList<OrderItem> OrderBy)> Arguments =
        LParen.Then(OneOf(
            Op("*").ThenReturn((SqlList<Expr>.Empty, true, false, SqlList<OrderItem>.Empty)),
            Map((distinct, args, order) => (args, false, distinct, order), DistinctFlag, ListOf(Argument), OrEmpty(OrderGrammar.OrderBy)),
            Parser<Token>.Return((SqlList<Expr>.Empty, false, false, SqlList<OrderItem>.Empty)))).Before(RParen);

    public static readonly Parser<Token, CallTail> Call = Map(
        (args, within, filter, over) => new CallTail(args.Args, args.Star, args.Distinct, args.OrderBy, within, filter, over),
        Arguments,
        OrEmpty(Kws("within", "group").Then(Parens(OrderGrammar.OrderBy))),
        OrNull(Kw("filter").Then(Parens(Kw("where").Then(ExprRef)))),
        OrNull(Kw("over").Then(Rec(() => WindowGrammar.Over))));

    public static FunctionCall Decorate(SqlList<string> name, int position, CallTail tail) => new(name, tail.Arguments)
    {
        Position = position,
        Star = tail.Star,
        Distinct = tail.Distinct,
        OrderBy = tail.OrderBy,
        WithinGroup = tail.WithinGroup,
        Filter = tail.Filter,
        Over = tail.Over,
    };

    public static FunctionCall Plain(string name, int position, params Expr[] arguments) =>
        new(SqlList.Create<string>([name]), SqlList.Create<Expr>(arguments)) { Position = position };
}
