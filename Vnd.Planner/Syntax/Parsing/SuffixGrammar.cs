using Pidgin;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Lexing;
using static Pidgin.Parser;
using static Vnd.Planner.Syntax.Parsing.Tok;

namespace Vnd.Planner.Syntax.Parsing;

/// <summary>Postfix forms binding tighter than arithmetic: ::type, [i], [lo:hi], .field, COLLATE, AT TIME ZONE.</summary>
internal static class SuffixGrammar
{
    private static readonly Parser<Token, Expr> ExprRef = Rec(() => ExpressionGrammar.Expr);

    public static readonly Parser<Token, Func<Expr, Expr>> Cast = Map(
        (op, type) => (Func<Expr, Expr>)(e => new CastExpr(e, type, CastSyntax.DoubleColon) { Position = op.Position }),
        Kind(TokenKind.DoubleColon), Rec(() => TypeNameGrammar.TypeName));

    /// <summary>[i] or [lo:hi] with either slice bound optional.</summary>
    public static readonly Parser<Token, Func<Expr, Expr>> Subscript = Map(
        (open, lower, upper) => (Func<Expr, Expr>)(e => new SubscriptExpr(e, lower, upper.HasValue ? upper.Value : null, upper.HasValue)
        {
            Position = open.Position,
        }),
        LBracket,
        OrNull(ExprRef),
        Kind(TokenKind.Colon).Then(OrNull(ExprRef)).Optional()).Before(RBracket);

    public static readonly Parser<Token, Func<Expr, Expr>> FieldSelection = Map(
        (dot, field) => (Func<Expr, Expr>)(e => new FieldSelectionExpr(e, field) { Position = dot.Position }),
        Dot, ColLabel.Or(Op("*").Select(_ => "*")));

    public static readonly Parser<Token, Func<Expr, Expr>> Collate = Map(
        (kw, name) => (Func<Expr, Expr>)(e => new CollateExpr(e, name) { Position = kw.Position }),
        Kw("collate"), QualifiedName);

    public static readonly Parser<Token, Func<Expr, Expr>> AtTimeZone = Map(
        (kw, zone) => (Func<Expr, Expr>)(e => new AtTimeZoneExpr(e, zone) { Position = kw.Position }),
        Kws("at", "time", "zone"), Rec(() => ExpressionGrammar.Primary));
}
