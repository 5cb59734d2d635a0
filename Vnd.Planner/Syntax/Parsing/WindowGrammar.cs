using Pidgin;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Lexing;
using static Pidgin.Parser;
using static Vnd.Planner.Syntax.Parsing.Tok;

namespace Vnd.Planner.Syntax.Parsing;

/// <summary>Window specifications: OVER (PARTITION BY … ORDER BY … frame), OVER name, and WINDOW definitions.</summary>
internal static class WindowGrammar
{
    private static readonly Parser<Token, FrameBound> Bound = OneOf(
        Map((kw, kind) => new FrameBound(kind, null) { Position = kw.Position },
            Kw("unbounded"),
            OneOf(Kw("preceding").ThenReturn(FrameBoundKind.UnboundedPreceding), Kw("following").ThenReturn(FrameBoundKind.UnboundedFollowing))),
        Kws("current", "row").Select(kw => new FrameBound(FrameBoundKind.CurrentRow, null) { Position = kw.Position }),
        Map((offset, kind) => new FrameBound(kind, offset) { Position = offset.Position },
            Rec(() => ExpressionGrammar.OtherOperators),
            OneOf(Kw("preceding").ThenReturn(FrameBoundKind.Preceding), Kw("following").ThenReturn(FrameBoundKind.Following))));

    private static readonly Parser<Token, FrameExclusion> Exclusion = Kw("exclude").Then(OneOf(
        Kws("current", "row").ThenReturn(FrameExclusion.CurrentRow),
        Kw("group").ThenReturn(FrameExclusion.Group),
        Kw("ties").ThenReturn(FrameExclusion.Ties),
        Kws("no", "others").ThenReturn(FrameExclusion.NoOthers)));

    private static readonly Parser<Token, WindowFrame> Frame = Map(
        (unit, bounds, exclusion) => new WindowFrame(ParseUnit(unit.Text), bounds.Start, bounds.End)
        {
            Position = unit.Position,
            Exclusion = exclusion.GetValueOrDefault(FrameExclusion.NoOthers),
        },
        Kw("rows").Or(Kw("range")).Or(Kw("groups")),
        OneOf(
            Map((start, end) => (Start: start, End: (FrameBound?)end), Kw("between").Then(Bound), Kw("and").Then(Bound)),
            Bound.Select(start => (Start: start, End: (FrameBound?)null))),
        Exclusion.Optional());

    /// <summary>An existing window name at the start of a specification; not one of the clause keywords.</summary>
    private static readonly Parser<Token, string> ExistingName = Match(t => t.Kind == TokenKind.QuotedIdentifier
        || (t.Kind == TokenKind.Identifier && Keywords.IsColumnName(t.Text) && t.Text is not ("partition" or "rows" or "range" or "groups")))
        .Select(t => t.Text);

    /// <summary>The inside of ( … ) of a window specification.</summary>
    public static readonly Parser<Token, WindowSpec> Body = Map(
        (start, name, partition, order, frame) => new WindowSpec(name, partition, order, frame) { Position = start.Position },
        Lookahead(Parser<Token>.Any),
        OrNull(ExistingName),
        OrEmpty(Kws("partition", "by").Then(ListOf(Rec(() => ExpressionGrammar.Expr)))),
        OrEmpty(OrderGrammar.OrderBy),
        OrNull(Frame));

    /// <summary>What follows OVER.</summary>
    public static readonly Parser<Token, WindowSpec> Over = OneOf(
        Parens(Body),
        Match(t => t.Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier).Select(t =>
            new WindowSpec(t.Text, SqlList<Expr>.Empty, SqlList<OrderItem>.Empty, null) { Position = t.Position }));

    /// <summary>WINDOW w AS (…), … (keyword included).</summary>
    public static readonly Parser<Token, SqlList<WindowDefinition>> WindowClause = Kw("window").Then(ListOf(Map(
        (name, spec) => new WindowDefinition(name, spec) { Position = spec.Position },
        ColId, Kw("as").Then(Parens(Body)))));

    private static FrameUnit ParseUnit(string word) => word switch
    {
        "rows" => FrameUnit.Rows,
        "range" => FrameUnit.Range,
        _ => FrameUnit.Groups,
    };
}
