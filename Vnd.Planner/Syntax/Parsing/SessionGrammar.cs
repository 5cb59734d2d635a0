using Pidgin;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Lexing;
using static Pidgin.Parser;
using static Vnd.Planner.Syntax.Parsing.Tok;

namespace Vnd.Planner.Syntax.Parsing;

/// <summary>SET / SHOW / RESET, transaction control and DISCARD — what drivers send around their queries.</summary>
internal static class SessionGrammar
{
    /// <summary>A configuration parameter name: word(.word)*, joined with dots.</summary>
    private static readonly Parser<Token, string> ParameterName = Map(
        (first, rest) => string.Join('.', Prepend(first, rest)), ColLabel, Dot.Then(ColLabel).Many()).Labelled("parameter name");

    /// <summary>var_value: string, signed number, or a word (taken as a string, as PostgreSQL does).</summary>
    private static readonly Parser<Token, Expr> SetValue = OneOf(
        Map((sign, number) => sign.HasValue ? (Expr)new NumericLiteral("-" + number.Text) { Position = sign.Value.Position } : Number(number),
            Op("-").Optional(), Kind(TokenKind.Integer).Or(Kind(TokenKind.Numeric))),
        Match(t => t.Kind is TokenKind.String or TokenKind.Identifier or TokenKind.QuotedIdentifier)
            .Select(t => (Expr)new StringLiteral(t.Text) { Position = t.Position })).Labelled("value");

    private static readonly Parser<Token, SqlList<Expr>> SetValues = OneOf(
        Kw("default").ThenReturn(SqlList<Expr>.Empty),
        ListOf(SetValue));

    private static readonly Parser<Token, string> IsolationLevel = OneOf(
        Kw("serializable").ThenReturn("serializable"),
        Kws("repeatable", "read").ThenReturn("repeatable read"),
        Kw("read").Then(OneOf(Kw("committed").ThenReturn("read committed"), Kw("uncommitted").ThenReturn("read uncommitted"))));

    private static readonly Parser<Token, SqlOption> TransactionMode = OneOf(
        Map((kw, level) => new SqlOption("isolation level", level) { Position = kw.Position }, Kws("isolation", "level"), IsolationLevel),
        Map((kw, mode) => new SqlOption(mode, null) { Position = kw.Position },
            Kw("read"), OneOf(Kw("only").ThenReturn("read only"), Kw("write").ThenReturn("read write"))),
        Kws("not", "deferrable").Select(t => new SqlOption("not deferrable", null) { Position = t.Position }),
        Kw("deferrable").Select(t => new SqlOption("deferrable", null) { Position = t.Position }));

    private static readonly Parser<Token, SqlList<SqlOption>> TransactionModes =
        TransactionMode.Before(Comma.Optional()).Many().Select(SqlList.From);

    private static readonly Parser<Token, Unit> WorkOrTransaction = Kw("work").Or(Kw("transaction")).Optional().IgnoreResult();

    private delegate Statement SetTail(Token set, SetScope scope);

    private static readonly Parser<Token, SetTail> SetBody = OneOf(
        Kws("characteristics", "as", "transaction").Then(TransactionModes)
            .Select(modes => (SetTail)((set, _) => new TransactionStatement(TransactionAction.SetCharacteristics, modes) { Position = set.Position })),
        Kw("transaction").Then(TransactionModes)
            .Select(modes => (SetTail)((set, _) => new TransactionStatement(TransactionAction.SetCharacteristics, modes) { Position = set.Position })),
        Kws("time", "zone").Then(OneOf(Kw("local").Or(Kw("default")).ThenReturn(SqlList<Expr>.Empty), SetValue.Select(v => SqlList.Create([v]))))
            .Select(values => (SetTail)((set, scope) => new SetStatement(scope, "timezone", values) { Position = set.Position })),
        Kw("names").Then(SetValues)
            .Select(values => (SetTail)((set, scope) => new SetStatement(scope, "client_encoding", values) { Position = set.Position })),
        Map((name, values) => (SetTail)((set, scope) => new SetStatement(scope, name, values) { Position = set.Position }),
            ParameterName, Kw("to").Or(Op("=")).Then(SetValues)));

    private static readonly Parser<Token, Statement> Set = Map(
        (kw, scope, body) => body(kw, scope),
        Kw("set"),
        OneOf(Kw("session").ThenReturn(SetScope.Session), Kw("local").ThenReturn(SetScope.Local), Parser<Token>.Return(SetScope.Session)),
        SetBody);

    private static readonly Parser<Token, string> ShowTarget = OneOf(
        Kws("time", "zone").ThenReturn("timezone"),
        Kws("transaction", "isolation", "level").ThenReturn("transaction_isolation"),
        Kws("session", "authorization").ThenReturn("session_authorization"),
        ParameterName);

    private static readonly Parser<Token, Statement> Show = Map(
        (kw, name) => (Statement)new ShowStatement(name) { Position = kw.Position }, Kw("show"), ShowTarget);

    private static readonly Parser<Token, Statement> Reset = Map(
        (kw, name) => (Statement)new ResetStatement(name == "all" ? null : name) { Position = kw.Position }, Kw("reset"), ShowTarget);

    private static readonly Parser<Token, Statement> Begin = Map(
        (kw, modes) => (Statement)new TransactionStatement(TransactionAction.Begin, modes) { Position = kw.Position },
        Kw("begin").Before(WorkOrTransaction).Or(Kws("start", "transaction")), TransactionModes);

    private static readonly Parser<Token, Statement> Commit = Kw("commit").Or(Kw("end")).Before(WorkOrTransaction)
        .Before(Kw("and").Then(Kw("no").Optional()).Then(Kw("chain")).Optional())
        .Select(kw => (Statement)new TransactionStatement(TransactionAction.Commit, SqlList<SqlOption>.Empty) { Position = kw.Position });

    private static readonly Parser<Token, Statement> Rollback = Kw("rollback").Or(Kw("abort")).Before(WorkOrTransaction)
        .Before(Kw("and").Then(Kw("no").Optional()).Then(Kw("chain")).Optional())
        .Select(kw => (Statement)new TransactionStatement(TransactionAction.Rollback, SqlList<SqlOption>.Empty) { Position = kw.Position });

    private static readonly Parser<Token, Statement> Discard = Map(
        (kw, target) => (Statement)new DiscardStatement(target.Text == "temporary" ? "temp" : target.Text) { Position = kw.Position },
        Kw("discard"), OneOf(Kw("all"), Kw("plans"), Kw("sequences"), Kw("temp"), Kw("temporary")));

    public static readonly Parser<Token, Statement> SessionStatement = OneOf(Set, Show, Reset, Begin, Commit, Rollback, Discard);

    private static Expr Number(Token t) => t.Kind == TokenKind.Integer && long.TryParse(t.Text, out var value)
        ? new IntegerLiteral(value) { Position = t.Position }
        : new NumericLiteral(t.Text) { Position = t.Position };
}
