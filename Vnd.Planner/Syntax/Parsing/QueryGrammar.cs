using Pidgin;
using Pidgin.Expression;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Lexing;
using static Pidgin.Parser;
using static Vnd.Planner.Syntax.Parsing.Tok;

namespace Vnd.Planner.Syntax.Parsing;

/// <summary>
/// Queries: WITH, SELECT cores, VALUES, set operations (INTERSECT binds tighter than UNION/EXCEPT, both
/// left-associative), ORDER BY, LIMIT/OFFSET/FETCH in any order, and a FOR UPDATE tail kept for the binder.
/// </summary>
internal static class QueryGrammar
{
    private static readonly Parser<Token, Expr> ExprRef = Rec(() => ExpressionGrammar.Expr);
    private static readonly Parser<Token, Query> QueryRef = Rec(() => Query!);

    private static readonly Parser<Token, (DistinctKind Kind, SqlList<Expr> On)> Distinct = OneOf(
        Kw("distinct").Then(OneOf(
            Kw("on").Then(Parens(ListOf(ExprRef))).Select(on => (DistinctKind.DistinctOn, on)),
            Parser<Token>.Return((DistinctKind.Distinct, SqlList<Expr>.Empty)))),
        Kw("all").ThenReturn((DistinctKind.All, SqlList<Expr>.Empty)),
        Parser<Token>.Return((DistinctKind.All, SqlList<Expr>.Empty)));

    /// <summary>[AS] label: any word after AS, only a non-keyword name without it.</summary>
    public static readonly Parser<Token, string?> Alias = OrNull(Kw("as").Then(ColLabel).Or(ColId));

    private static readonly Parser<Token, SelectItem> SelectItem = OneOf(
        Op("*").Select(t => new SelectItem(new StarExpr(SqlList<string>.Empty) { Position = t.Position }, null) { Position = t.Position }),
        Map((expr, alias) => new SelectItem(expr, alias) { Position = expr.Position }, ExprRef, Alias)).Labelled("select list item");

    /// <summary>A GROUP BY element: (), ROLLUP (…), CUBE (…), GROUPING SETS (…) or an expression. ROLLUP and CUBE
    /// followed by "(" are always the constructs here, as in PostgreSQL's grammar.</summary>
    private static readonly Parser<Token, Expr> GroupItem = OneOf(
        Try(LParen.Before(RParen)).Select(t => (Expr)new GroupingSet(GroupingSetKind.Empty, SqlList<Expr>.Empty) { Position = t.Position }),
        Try(Map((kw, items) => (Expr)new GroupingSet(kw.IsWord("rollup") ? GroupingSetKind.Rollup : GroupingSetKind.Cube, items) { Position = kw.Position },
            Kw("rollup").Or(Kw("cube")), Parens(ListOf(ExprRef)))),
        Map((kw, items) => (Expr)new GroupingSet(GroupingSetKind.Sets, items) { Position = kw.Position },
            Try(Kws("grouping", "sets")), Parens(ListOf(Rec(() => GroupItem!)))),
        ExprRef).Labelled("grouping element");

    private static readonly Parser<Token, QueryBody> SelectCore = Map(
        (kw, distinct, items, from, where, groupBy, having, windows) => (QueryBody)new SelectCore(
            distinct.Kind, distinct.On, SqlList.From(items), from, where, groupBy, having, windows) { Position = kw.Position },
        Kw("select"),
        Distinct,
        SelectItem.Separated(Comma),
        OrEmpty(Kw("from").Then(ListOf(Rec(() => TableRefGrammar.TableRef)))),
        OrNull(Kw("where").Then(ExprRef)),
        OrEmpty(Kws("group", "by").Then(ListOf(GroupItem))),
        OrNull(Kw("having").Then(ExprRef)),
        OrEmpty(WindowGrammar.WindowClause));

    private static readonly Parser<Token, QueryBody> Values = Map(
        (kw, rows) => (QueryBody)new ValuesBody(rows) { Position = kw.Position },
        Kw("values"), ListOf(Parens(ListOf(ExprRef))));

    private static readonly Parser<Token, QueryBody> SetPrimary = OneOf(
        SelectCore,
        Values,
        Parens(QueryRef).Select(Unwrap)).Labelled("SELECT");

    /// <summary>(SELECT …) as a set operand is just its body unless it has its own WITH/ORDER BY/LIMIT.</summary>
    private static QueryBody Unwrap(Query q) =>
        q.With is null && q.OrderBy.Count == 0 && q.Limit is null && q.Offset is null && q.Locking is null ? q.Body : q;

    private static Parser<Token, Func<QueryBody, QueryBody, QueryBody>> SetOp(string word, SetOperator op) => Map(
        (kw, all) => (Func<QueryBody, QueryBody, QueryBody>)((left, right) => new SetOperation(op, all, left, right) { Position = kw.Position }),
        Kw(word),
        OneOf(Kw("all").ThenReturn(true), Kw("distinct").ThenReturn(false), Parser<Token>.Return(false)));

    private static readonly Parser<Token, QueryBody> SetExpression = ExpressionParser.Build(SetPrimary,
    [
        Operator.InfixL(SetOp("intersect", SetOperator.Intersect)),
        Operator.InfixL(SetOp("union", SetOperator.Union)).And(Operator.InfixL(SetOp("except", SetOperator.Except))),
    ]);

    private static readonly Parser<Token, CommonTableExpression> Cte = Map(
        (name, columns, query) => new CommonTableExpression(name.Text, columns, query) { Position = name.Position },
        Match(t => t.Kind == TokenKind.QuotedIdentifier || (t.Kind == TokenKind.Identifier && Keywords.IsColumnName(t.Text))),
        OrEmpty(ColumnNameList),
        Kw("as").Then(Kw("not").Optional()).Then(Kw("materialized").Optional()).Then(Parens(QueryRef)));

    private static readonly Parser<Token, WithClause> With = Map(
        (kw, recursive, ctes) => new WithClause(recursive, ctes) { Position = kw.Position },
        Kw("with"), Flag(Kw("recursive")), ListOf(Cte));

    /// <summary>The FETCH FIRST count: a literal, parameter or parenthesised expression (c_expr), so ROWS is not a column.</summary>
    private static readonly Parser<Token, Expr> FetchCount = OneOf(
        Lookahead(Kind(TokenKind.Integer).Or(Kind(TokenKind.Parameter)).Or(Kw("null"))).Then(Rec(() => ExpressionGrammar.Primary)),
        Parens(ExprRef));

    private static readonly Parser<Token, Expr> One = Parser<Token>.Return((Expr)new IntegerLiteral(1));

    private enum PagingKind
    {
        Limit,
        Offset,
        LimitWithTies,
    }

    private static readonly Parser<Token, (PagingKind Kind, Expr? Value)> Paging = OneOf(
        Kw("limit").Then(OneOf(Kw("all").ThenReturn((Expr?)null), ExprRef.Select(e => (Expr?)e))).Select(e => (PagingKind.Limit, e)),
        Kw("offset").Then(ExprRef).Before(Kw("row").Or(Kw("rows")).Optional()).Select(e => (PagingKind.Offset, (Expr?)e)),
        Map((e, ties) => (ties ? PagingKind.LimitWithTies : PagingKind.Limit, (Expr?)e),
            Kw("fetch").Then(Kw("first").Or(Kw("next"))).Then(FetchCount.Or(One)).Before(Kw("row").Or(Kw("rows"))),
            Kw("only").ThenReturn(false).Or(Kws("with", "ties").ThenReturn(true))));

    private static readonly Parser<Token, string> Locking = Map(
        (_, strength, _, _) => "FOR " + strength,
        Kw("for"),
        OneOf(
            Kw("update").ThenReturn("UPDATE"),
            Kw("share").ThenReturn("SHARE"),
            Kws("no", "key", "update").ThenReturn("NO KEY UPDATE"),
            Kws("key", "share").ThenReturn("KEY SHARE")),
        Kw("of").Then(ListOf(QualifiedName)).Optional(),
        Kw("nowait").Or(Kws("skip", "locked")).Optional());

    public static readonly Parser<Token, Query> Query = Map(
        (start, with, body, order, paging, locking) => BuildQuery(start, with, body, order, paging, locking),
        Lookahead(Parser<Token>.Any),
        OrNull(With),
        SetExpression,
        OrEmpty(OrderGrammar.OrderBy),
        Paging.Many(),
        OrNull(Locking)).Labelled("query");

    private static readonly Parser<Token, Token> QueryKeyword = Match(t => t.IsWord("select") || t.IsWord("values") || t.IsWord("with"));

    /// <summary>
    /// A query filling the inside of the current brackets, as after "(" in FROM, IN (…), ANY (…) or a scalar
    /// subquery. SELECT/VALUES/WITH decide at once; "((SELECT …) UNION …)" needs the query reading tried and
    /// abandoned if it does not end at the ")" — only attempted when the "(" run ends in a query keyword, so
    /// "((((1))))" never backtracks and "((SELECT 1) + 1)" re-reads just its own bracket.
    /// </summary>
    public static readonly Parser<Token, Query> SubqueryStart = OneOf(
        Lookahead(QueryKeyword).Then(QueryRef),
        Try(Lookahead(LParen.SkipAtLeastOnce().Then(QueryKeyword)).Then(QueryRef).Before(Lookahead(RParen))));

    private static Query BuildQuery(Token start, WithClause? with, QueryBody body, SqlList<OrderItem> order,
        IEnumerable<(PagingKind Kind, Expr? Value)> paging, string? locking)
    {
        Expr? limit = null;
        Expr? offset = null;
        var ties = false;
        foreach (var (kind, value) in paging)
        {
            if (kind is PagingKind.Limit or PagingKind.LimitWithTies)
            {
                limit = value;
                ties = kind == PagingKind.LimitWithTies;
            }
            else
            {
                offset = value;
            }
        }

        // A bare parenthesised query adds nothing: (SELECT 1) is SELECT 1.
        if (with is null && order.Count == 0 && limit is null && offset is null && locking is null && body is Query inner)
        {
            return inner;
        }

        return new Query(with, body, order, limit, offset) { Position = start.Position, Locking = locking, WithTies = ties };
    }
}
