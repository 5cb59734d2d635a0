using Pidgin;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Lexing;
using static Pidgin.Parser;
using static Vnd.Planner.Syntax.Parsing.Tok;

namespace Vnd.Planner.Syntax.Parsing;

/// <summary>ORDER BY items, shared by queries, aggregate arguments, WITHIN GROUP and window specifications.</summary>
internal static class OrderGrammar
{
    private static readonly Parser<Token, (SortDirection Direction, string? Using, int UsingPosition)> Direction = OneOf(
        Kw("asc").ThenReturn((SortDirection.Ascending, (string?)null, 0)),
        Kw("desc").ThenReturn((SortDirection.Descending, (string?)null, 0)),
        // USING op or USING OPERATOR(schema.op); the binder decides which operators order (only < and >).
        Kw("using").Then(OneOf(
            AnyOperator.Select(op => (op.Text, op.Position)),
            Map((kw, op) => (op.Schema is null or "pg_catalog" ? op.Symbol : op.Schema + "." + op.Symbol, kw.Position),
                Kw("operator"), ExpressionGrammar.QualifiedOperator)))
            .Select(op => (SortDirection.Default, (string?)op.Item1, op.Item2)),
        Parser<Token>.Return((SortDirection.Default, (string?)null, 0)));

    private static readonly Parser<Token, NullsOrder> Nulls = OneOf(
        Kw("nulls").Then(OneOf(Kw("first").ThenReturn(NullsOrder.First), Kw("last").ThenReturn(NullsOrder.Last))),
        Parser<Token>.Return(NullsOrder.Default));

    public static readonly Parser<Token, OrderItem> Item = Map(
        (expr, direction, nulls) => new OrderItem(expr, direction.Direction, nulls, direction.Using) { Position = expr.Position, UsingPosition = direction.UsingPosition },
        Rec(() => ExpressionGrammar.Expr), Direction, Nulls);

    /// <summary>ORDER BY item, … (the ORDER BY keywords included).</summary>
    public static readonly Parser<Token, SqlList<OrderItem>> OrderBy = Kws("order", "by").Then(ListOf(Item)).Labelled("ORDER BY");
}
