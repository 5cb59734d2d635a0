using System.Globalization;
using Pidgin;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Lexing;
using static Pidgin.Parser;
using static Vnd.Planner.Syntax.Parsing.Tok;

namespace Vnd.Planner.Syntax.Parsing;

/// <summary>DECLARE … CURSOR, FETCH/MOVE, CLOSE, DEALLOCATE and COPY (psycopg2 named cursors, psql \copy, Npgsql exports).</summary>
internal static class CursorGrammar
{
    private static readonly Parser<Token, Query> QueryRef = Rec(() => QueryGrammar.Query);

    private static readonly Parser<Token, bool?> Scroll = OneOf(
        Kws("no", "scroll").ThenReturn((bool?)false),
        Kw("scroll").ThenReturn((bool?)true),
        Parser<Token>.Return((bool?)null));

    private static readonly Parser<Token, Statement> Declare = Map(
        (kw, name, binary, scroll, hold, query) => (Statement)new DeclareCursorStatement(name, binary, scroll, hold, query) { Position = kw.Position },
        Kw("declare"),
        ColId,
        Flag(Kw("binary")).Before(Kw("asensitive").Or(Kw("insensitive")).Optional()),
        Scroll.Before(Kw("cursor")),
        OneOf(Kws("with", "hold").ThenReturn(true), Kws("without", "hold").ThenReturn(false), Parser<Token>.Return(false)),
        Kw("for").Then(QueryRef));

    private static readonly Parser<Token, long> Count = Map(
        (sign, digits) => long.Parse(digits.Text, CultureInfo.InvariantCulture) * (sign.HasValue ? -1 : 1),
        Op("-").Optional(), Kind(TokenKind.Integer));

    private static readonly Parser<Token, (FetchDirection Direction, long? Count)> Direction = OneOf(
        Kw("next").ThenReturn((FetchDirection.Next, (long?)null)),
        Kw("prior").ThenReturn((FetchDirection.Prior, (long?)null)),
        Kw("first").ThenReturn((FetchDirection.First, (long?)null)),
        Kw("last").ThenReturn((FetchDirection.Last, (long?)null)),
        Kw("absolute").Then(Count).Select(n => (FetchDirection.Absolute, (long?)n)),
        Kw("relative").Then(Count).Select(n => (FetchDirection.Relative, (long?)n)),
        Kw("all").ThenReturn((FetchDirection.ForwardAll, (long?)null)),
        Kw("forward").Then(OneOf(
            Kw("all").ThenReturn((FetchDirection.ForwardAll, (long?)null)),
            Count.Select(n => (FetchDirection.Forward, (long?)n)),
            Parser<Token>.Return((FetchDirection.Next, (long?)null)))),
        Kw("backward").Then(OneOf(
            Kw("all").ThenReturn((FetchDirection.BackwardAll, (long?)null)),
            Count.Select(n => (FetchDirection.Backward, (long?)n)),
            Parser<Token>.Return((FetchDirection.Prior, (long?)null)))),
        Count.Select(n => (FetchDirection.Forward, (long?)n)),
        Parser<Token>.Return((FetchDirection.Next, (long?)null)));

    private static readonly Parser<Token, Statement> Fetch = Map(
        (kw, direction, cursor) => (Statement)new FetchStatement(direction.Direction, direction.Count, cursor, kw.Text == "move") { Position = kw.Position },
        Kw("fetch").Or(Kw("move")),
        Direction.Before(Kw("from").Or(Kw("in")).Optional()),
        ColId);

    private static readonly Parser<Token, Statement> Close = Map(
        (kw, name) => (Statement)new CloseStatement(name) { Position = kw.Position },
        Kw("close"), Kw("all").ThenReturn((string?)null).Or(ColId.Select(n => (string?)n)));

    private static readonly Parser<Token, Statement> Deallocate = Map(
        (kw, name) => (Statement)new DeallocateStatement(name) { Position = kw.Position },
        Kw("deallocate").Before(Kw("prepare").Optional()), Kw("all").ThenReturn((string?)null).Or(ColId.Select(n => (string?)n)));

    /// <summary>Pre-9.0 COPY options: CSV, BINARY, HEADER, DELIMITER [AS] 'x', NULL [AS] 'x', QUOTE, ESCAPE.</summary>
    private static readonly Parser<Token, SqlOption> LegacyCopyOption = OneOf(
        Kw("csv").Select(t => new SqlOption("format", "csv") { Position = t.Position }),
        Kw("binary").Select(t => new SqlOption("format", "binary") { Position = t.Position }),
        Kw("header").Select(t => new SqlOption("header", null) { Position = t.Position }),
        Map((kw, value) => new SqlOption(kw.Text, value.Text) { Position = kw.Position },
            OneOf(Kw("delimiter"), Kw("null"), Kw("quote"), Kw("escape")).Before(Kw("as").Optional()), StringToken));

    private static readonly Parser<Token, SqlList<SqlOption>> CopyOptions = Kw("with").Optional().Then(OneOf(
        Parens(ListOf(StatementGrammar.Option)),
        LegacyCopyOption.Many().Select(SqlList.From)));

    private static readonly Parser<Token, (SqlList<string>? Table, Query? Source, SqlList<string> Columns)> CopySource = OneOf(
        Parens(QueryRef).Select(q => ((SqlList<string>?)null, (Query?)q, SqlList<string>.Empty)),
        Map((name, columns) => ((SqlList<string>?)name, (Query?)null, columns), QualifiedName, OrEmpty(ColumnNameList)));

    /// <summary>A server-side file or program, which VND does not offer (null marks it).</summary>
    private static readonly Parser<Token, bool?> ServerFile = Kw("program").Optional().Then(StringToken).ThenReturn((bool?)null);

    /// <summary>TO STDOUT → true, FROM STDIN → false.</summary>
    private static readonly Parser<Token, bool?> CopyTarget = OneOf(
        Kw("to").Then(OneOf(Kw("stdout").ThenReturn((bool?)true), ServerFile)),
        Kw("from").Then(OneOf(Kw("stdin").ThenReturn((bool?)false), ServerFile)));

    private static readonly Parser<Token, Statement> Copy = Map(
        (kw, source, toClient, options) => toClient is null
            ? new UnsupportedStatement("COPY with a file") { Position = kw.Position }
            : (Statement)new CopyStatement(source.Table, source.Source, source.Columns, toClient.Value, options) { Position = kw.Position },
        Kw("copy"), CopySource, CopyTarget, CopyOptions);

    public static readonly Parser<Token, Statement> CursorStatement = OneOf(Declare, Fetch, Close, Deallocate, Copy);
}
