using Pidgin;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Lexing;
using static Pidgin.Parser;
using static Vnd.Planner.Syntax.Parsing.Tok;

namespace Vnd.Planner.Syntax.Parsing;

/// <summary>FROM items: tables, derived tables, set-returning functions, and left-associative joins.</summary>
internal static class TableRefGrammar
{
    private static readonly Parser<Token, TableRef> TableRefRef = Rec(() => TableRef!);

    private static readonly Parser<Token, TableAlias?> Alias = OrNull(Map(
        (start, name, columns) => new TableAlias(name, columns) { Position = start.Position },
        Lookahead(Parser<Token>.Any),
        Kw("as").Then(ColLabel).Or(ColId),
        OrEmpty(ColumnNameList)));

    /// <summary>"(" opens a derived table or a parenthesised join; QueryGrammar.SubqueryStart tells them apart.</summary>
    private static readonly Parser<Token, TableRef> Parenthesised = LParen.Then(OneOf(
        Map((query, alias) => (TableRef)new DerivedTable(query, alias, false) { Position = query.Position },
            Rec(() => QueryGrammar.SubqueryStart).Before(RParen), Alias),
        TableRefRef.Before(RParen)));

    /// <summary>The first name of a table or function: a quoted identifier or a word usable as a column name.</summary>
    private static readonly Parser<Token, Token> NameStart =
        Match(t => t.Kind == TokenKind.QuotedIdentifier || (t.Kind == TokenKind.Identifier && Keywords.IsColumnName(t.Text)));

    private static readonly Parser<Token, bool> WithOrdinality = Kws("with", "ordinality").Optional().Select(o => o.HasValue);

    /// <summary>ROWS FROM (f(…), g(…)) [WITH ORDINALITY] [alias]: the functions run in lockstep. ROWS is not reserved.</summary>
    private static readonly Parser<Token, TableRef> RowsFrom = Map(
        (start, calls, ordinality, alias) => (TableRef)new FunctionTable(calls[0], alias, false)
        {
            Position = start.Position,
            WithOrdinality = ordinality,
            RowsFrom = calls,
        },
        Try(Kws("rows", "from")),
        Parens(ListOf(Map(
            (first, rest, call) => FunctionGrammar.Decorate(Prepend(first.Text, rest), first.Position, call),
            NameStart, Dot.Then(ColLabel).Many(), FunctionGrammar.Call).Labelled("function call"))),
        WithOrdinality,
        Alias);

    /// <summary>TABLESAMPLE method (arguments) [REPEATABLE (seed)].</summary>
    private static readonly Parser<Token, TableSample> Sample = Map(
        (kw, method, arguments, repeatable) => new TableSample(method, arguments, repeatable.HasValue ? repeatable.Value : null) { Position = kw.Position },
        Kw("tablesample"),
        ColId,
        Parens(ListOf(Rec(() => ExpressionGrammar.Expr))),
        Kw("repeatable").Then(Parens(Rec(() => ExpressionGrammar.Expr))).Optional());

    private static readonly Parser<Token, TableRef> NameOrFunction = Map(
        (first, rest, call, alias, sample) => call.HasValue
            ? sample.HasValue
                ? throw new Errors.SqlSyntaxException("syntax error at or near \"tablesample\"", sample.Value.Position + 1)
                : new FunctionTable(FunctionGrammar.Decorate(Prepend(first.Text, rest), first.Position, call.Value.Call), alias, false)
                {
                    Position = first.Position,
                    WithOrdinality = call.Value.WithOrdinality,
                }
            : (TableRef)new NamedTable(Prepend(first.Text, rest), alias) { Position = first.Position, Sample = sample.HasValue ? sample.Value : null },
        NameStart,
        Dot.Then(ColLabel).Many(),
        // WITH is reserved, so after a call it can only begin WITH ORDINALITY.
        Map((call, ordinality) => (Call: call, WithOrdinality: ordinality), FunctionGrammar.Call, WithOrdinality).Optional(),
        Alias,
        Sample.Optional()).Labelled("table name");

    private static readonly Parser<Token, TableRef> Lateral = Kw("lateral").Then(OneOf(Parenthesised, RowsFrom, NameOrFunction)).Select(t => t switch
    {
        DerivedTable d => d with { Lateral = true },
        FunctionTable f => (TableRef)(f with { Lateral = true }),
        _ => t,
    });

    private static readonly Parser<Token, TableRef> Primary = OneOf(Parenthesised, Lateral, RowsFrom, NameOrFunction);

    private static readonly Parser<Token, JoinKind> JoinType = OneOf(
        Kw("inner").ThenReturn(JoinKind.Inner),
        Kw("left").Before(Kw("outer").Optional()).ThenReturn(JoinKind.Left),
        Kw("right").Before(Kw("outer").Optional()).ThenReturn(JoinKind.Right),
        Kw("full").Before(Kw("outer").Optional()).ThenReturn(JoinKind.Full),
        Parser<Token>.Return(JoinKind.Inner));

    private static readonly Parser<Token, (Expr? On, SqlList<string> Using)> Condition = OneOf(
        Kw("on").Then(Rec(() => ExpressionGrammar.Expr)).Select(on => ((Expr?)on, SqlList<string>.Empty)),
        Kw("using").Then(ColumnNameList).Select(columns => ((Expr?)null, columns)));

    private static readonly Parser<Token, Func<TableRef, TableRef>> Join = OneOf(
        Map((kw, right) => (Func<TableRef, TableRef>)(left => new JoinTable(JoinKind.Cross, left, right, null, SqlList<string>.Empty, false) { Position = kw.Position }),
            Kws("cross", "join"), Primary),
        Map((kw, kind, right) => (Func<TableRef, TableRef>)(left => new JoinTable(kind, left, right, null, SqlList<string>.Empty, true) { Position = kw.Position }),
            Kw("natural"), JoinType.Before(Kw("join")), Primary),
        Map((start, kind, right, condition) => (Func<TableRef, TableRef>)(left => new JoinTable(kind, left, right, condition.On, condition.Using, false) { Position = start.Position }),
            Lookahead(Parser<Token>.Any), JoinType.Before(Kw("join")), Primary, Condition));

    public static readonly Parser<Token, TableRef> TableRef = Map(
        (first, joins) =>
        {
            var result = first;
            foreach (var join in joins)
            {
                result = join(result);
            }

            return result;
        },
        Primary, Join.Many()).Labelled("table reference");
}
