using Pidgin;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Lexing;
using static Pidgin.Parser;
using static Vnd.Planner.Syntax.Parsing.Tok;

namespace Vnd.Planner.Syntax.Parsing;

/// <summary>Statements: queries, CREATE VIEW / CREATE TABLE AS, DROP, EXPLAIN, plus the session commands.</summary>
internal static class StatementGrammar
{
    /// <summary>Leading keywords of PostgreSQL commands VND recognises but does not implement (→ 0A000).</summary>
    private static readonly HashSet<string> UnsupportedCommands =
    [
        "insert", "update", "delete", "merge", "alter", "grant", "revoke", "truncate", "vacuum", "analyze", "analyse",
        "cluster", "reindex", "comment", "lock", "listen", "notify", "unlisten", "prepare", "execute", "do", "call",
        "checkpoint", "load", "refresh", "security", "import", "reassign", "savepoint", "release", "table",
    ];

    private static readonly Parser<Token, Statement> StatementRef = Rec(() => Statement!);
    private static readonly Parser<Token, Query> QueryRef = Rec(() => QueryGrammar.Query);

    /// <summary>Everything up to the next ';' — the body of a command VND only names.</summary>
    public static readonly Parser<Token, Unit> RestOfStatement = Match(t => t.Kind != TokenKind.Semicolon).SkipMany();

    private static readonly Parser<Token, Statement> QueryStatement = Map(
        (start, query) => (Statement)new SelectStatement(query) { Position = start.Position },
        Lookahead(Match(t => t.Kind == TokenKind.LeftParen || t.IsWord("select") || t.IsWord("values") || t.IsWord("with"))),
        QueryRef);

    /// <summary>The rest of an unimplemented command, named by its leading keyword and the next word.</summary>
    private static readonly Parser<Token, Func<Token, Statement>> UnsupportedTail = Map(
        (next, _) => (Func<Token, Statement>)(leading => new UnsupportedStatement(CommandName(leading, next)) { Position = leading.Position }),
        Lookahead(Parser<Token>.Any).Optional(), RestOfStatement);

    /// <summary>"CREATE INDEX", "DROP SEQUENCE", "ALTER TABLE": the object kind matters for these; others are one word.</summary>
    private static string CommandName(Token leading, Maybe<Token> next) =>
        leading.Text.ToUpperInvariant() + (leading.Text is "create" or "drop" or "alter" && next.HasValue && next.Value.Kind == TokenKind.Identifier
            ? " " + next.Value.Text.ToUpperInvariant()
            : string.Empty);

    private static readonly Parser<Token, bool> Temporary = Flag(OneOf(Kw("temp"), Kw("temporary"), Kws("local", "temp"), Kws("local", "temporary")));

    private delegate Statement CreateTail(Token create, bool orReplace, bool temporary);

    private static readonly Parser<Token, CreateTail> CreateView = Map(
        (name, columns, query) => (CreateTail)((create, orReplace, temporary) =>
            new CreateViewStatement(name, columns, query, orReplace, temporary) { Position = create.Position }),
        Kw("view").Then(QualifiedName), OrEmpty(ColumnNameList), Kw("as").Then(QueryRef));

    /// <summary>CREATE TABLE name [(cols)] AS query; a column-definition list makes it an unsupported CREATE TABLE.</summary>
    private static readonly Parser<Token, CreateTail> CreateTableAs = Map(
        (name, body) => (CreateTail)((create, _, temporary) => body.HasValue
            ? new CreateTableAsStatement(name, body.Value.Columns, body.Value.Query, temporary) { Position = create.Position }
            : new UnsupportedStatement("CREATE TABLE") { Position = create.Position }),
        Kw("table").Then(QualifiedName),
        OneOf(
            Map((columns, query) => Maybe.Just((Columns: columns, Query: query)),
                OneOf(Try(ColumnNameList.Before(Kw("as"))), Kw("as").ThenReturn(SqlList<string>.Empty)), QueryRef),
            RestOfStatement.ThenReturn(Maybe.Nothing<(SqlList<string> Columns, Query Query)>())));

    private static readonly Parser<Token, Statement> Create = Map(
        (kw, orReplace, temporary, tail) => tail(kw, orReplace, temporary),
        Kw("create"),
        Flag(Kws("or", "replace")),
        Temporary,
        OneOf(CreateView, CreateTableAs, UnsupportedTail.Select(tail => (CreateTail)((create, _, _) => tail(create)))));

    private static readonly Parser<Token, Statement> Drop = Map(
        (kw, tail) => tail(kw),
        Kw("drop"),
        OneOf(
            Map((kind, ifExists, names, cascade) => (Func<Token, Statement>)(drop =>
                    new DropStatement(kind, names, ifExists, cascade) { Position = drop.Position }),
                Kw("table").ThenReturn(DropObjectKind.Table).Or(Kw("view").ThenReturn(DropObjectKind.View)),
                Flag(Kws("if", "exists")),
                ListOf(QualifiedName),
                OneOf(Kw("cascade").ThenReturn(true), Kw("restrict").ThenReturn(false), Parser<Token>.Return(false))),
            UnsupportedTail));

    /// <summary>name [value] inside EXPLAIN ( … ) and COPY … ( … ).</summary>
    public static readonly Parser<Token, SqlOption> Option = Map(
        (name, value) => new SqlOption(name.Text, value.HasValue ? value.Value.Text : null) { Position = name.Position },
        Match(t => t.Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier),
        Match(t => t.Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier or TokenKind.String or TokenKind.Integer or TokenKind.Numeric).Optional());

    private static readonly Parser<Token, SqlList<SqlOption>> LegacyExplainOptions = Map(
        (analyze, verbose) => SqlList.From(analyze.Concat(verbose)),
        Kw("analyze").Or(Kw("analyse")).Select(t => new SqlOption("analyze", null) { Position = t.Position }).Optional().Select(Enumerate),
        Kw("verbose").Select(t => new SqlOption("verbose", null) { Position = t.Position }).Optional().Select(Enumerate));

    private static readonly Parser<Token, Statement> Explain = Map(
        (kw, options, target) => (Statement)new ExplainStatement(target, options) { Position = kw.Position },
        Kw("explain"), Parens(ListOf(Option)).Or(LegacyExplainOptions), StatementRef);

    public static readonly Parser<Token, Statement> Statement = OneOf(
        QueryStatement,
        Create,
        Drop,
        Explain,
        SessionGrammar.SessionStatement,
        CursorGrammar.CursorStatement,
        Map((kw, tail) => tail(kw), Match(t => t.Kind == TokenKind.Identifier && UnsupportedCommands.Contains(t.Text)), UnsupportedTail))
        .Labelled("statement");

    private static IEnumerable<T> Enumerate<T>(Maybe<T> value) => value.HasValue ? [value.Value] : [];
}
