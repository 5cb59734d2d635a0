using Pidgin;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Lexing;
using static Pidgin.Parser;
using static Vnd.Planner.Syntax.Parsing.Tok;

namespace Vnd.Planner.Syntax.Parsing;

/// <summary>[NOT] IN / BETWEEN / LIKE / ILIKE / SIMILAR TO, and the IS family, as postfix operators.</summary>
internal static class PredicateGrammar
{
    private delegate Expr Suffix(Expr operand, bool negated);

    private static readonly Parser<Token, Expr> ExprRef = Rec(() => ExpressionGrammar.Expr);
    private static readonly Parser<Token, Expr> Bound = Rec(() => ExpressionGrammar.OtherOperators);

    private static readonly Parser<Token, Suffix> In = Map(
        (kw, make) => (Suffix)((e, negated) => make(e, negated) with { Position = kw.Position }),
        Kw("in"),
        Parens(OneOf(
            Rec(() => QueryGrammar.SubqueryStart).Select<Suffix>(q => (e, negated) => new InSubqueryExpr(e, q, negated)),
            ListOf(ExprRef).Select<Suffix>(items => (e, negated) => new InListExpr(e, items, negated)))));

    private static readonly Parser<Token, Suffix> Between = Map(
        (kw, symmetric, low, high) => (Suffix)((e, negated) => new BetweenExpr(e, low, high, negated, symmetric) { Position = kw.Position }),
        Kw("between"),
        OneOf(Kw("symmetric").ThenReturn(true), Kw("asymmetric").ThenReturn(false), Parser<Token>.Return(false)),
        Bound.Before(Kw("and")),
        Bound);

    private static readonly Parser<Token, Suffix> Like = Map(
        (kind, pattern, escape) => (Suffix)((e, negated) => new LikeExpr(kind.Kind, e, pattern, escape, negated) { Position = kind.Token.Position }),
        OneOf(
            Kw("like").Select(t => (Kind: LikeKind.Like, Token: t)),
            Kw("ilike").Select(t => (Kind: LikeKind.ILike, Token: t)),
            // Try: SUBSTRING(x SIMILAR p ESCAPE e) has "similar" without "to" after its source expression.
            Try(Kws("similar", "to")).Select(t => (Kind: LikeKind.SimilarTo, Token: t))),
        Bound,
        OrNull(Kw("escape").Then(Bound)));

    public static readonly Parser<Token, Func<Expr, Expr>> Predicate = Map(
        (not, suffix) => (Func<Expr, Expr>)(e => suffix(e, not)),
        Flag(Kw("not")),
        OneOf(In, Between, Like));

    private static readonly Parser<Token, Suffix> IsTail = OneOf(
        Kw("null").ThenReturn(IsSuffix(IsTest.Null)),
        Kw("true").ThenReturn(IsSuffix(IsTest.True)),
        Kw("false").ThenReturn(IsSuffix(IsTest.False)),
        Kw("unknown").ThenReturn(IsSuffix(IsTest.Unknown)),
        Kws("distinct", "from").Then(Rec(() => ExpressionGrammar.Comparison))
            .Select<Suffix>(right => (e, negated) => new IsDistinctFromExpr(e, right, negated)));

    public static readonly Parser<Token, Func<Expr, Expr>> Is = OneOf(
        Map((kw, not, tail) => (Func<Expr, Expr>)(e => tail(e, not) with { Position = kw.Position }), Kw("is"), Flag(Kw("not")), IsTail),
        Kw("isnull").Select<Func<Expr, Expr>>(t => e => new IsExpr(e, IsTest.Null, false) { Position = t.Position }),
        Kw("notnull").Select<Func<Expr, Expr>>(t => e => new IsExpr(e, IsTest.Null, true) { Position = t.Position }));

    private static Suffix IsSuffix(IsTest test) => (e, negated) => new IsExpr(e, test, negated);
}
