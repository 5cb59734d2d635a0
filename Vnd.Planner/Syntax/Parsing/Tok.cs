using Pidgin;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Syntax.Lexing;

namespace Vnd.Planner.Syntax.Parsing;

/// <summary>Token-level building blocks shared by the grammar classes.</summary>
internal static class Tok
{
    public static readonly Parser<Token, Token> LParen = Kind(TokenKind.LeftParen).Labelled("(");
    public static readonly Parser<Token, Token> RParen = Kind(TokenKind.RightParen).Labelled(")");
    public static readonly Parser<Token, Token> LBracket = Kind(TokenKind.LeftBracket).Labelled("[");
    public static readonly Parser<Token, Token> RBracket = Kind(TokenKind.RightBracket).Labelled("]");
    public static readonly Parser<Token, Token> Comma = Kind(TokenKind.Comma).Labelled(",");
    public static readonly Parser<Token, Token> Dot = Kind(TokenKind.Dot).Labelled(".");
    public static readonly Parser<Token, Token> Semicolon = Kind(TokenKind.Semicolon).Labelled(";");
    public static readonly Parser<Token, Token> AnyOperator = Kind(TokenKind.Operator).Labelled("operator");
    public static readonly Parser<Token, Token> StringToken = Kind(TokenKind.String).Labelled("string");

    /// <summary>ColId: quoted, or an unquoted word that is neither reserved nor a type/function-only keyword.</summary>
    public static readonly Parser<Token, string> ColId = Match(t => t.Kind == TokenKind.QuotedIdentifier
        || (t.Kind == TokenKind.Identifier && Keywords.IsColumnName(t.Text))).Select(t => t.Text).Labelled("identifier");

    /// <summary>ColLabel: any word, reserved or not (after AS, after a dot).</summary>
    public static readonly Parser<Token, string> ColLabel = Match(t => t.Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier)
        .Select(t => t.Text).Labelled("name");

    /// <summary>type_function_name: like ColId but also left, right, current_schema, … .</summary>
    public static readonly Parser<Token, string> FunctionNameStart = Match(t => t.Kind == TokenKind.QuotedIdentifier
        || (t.Kind == TokenKind.Identifier && Keywords.IsFunctionName(t.Text))).Select(t => t.Text).Labelled("name");

    /// <summary>any_name: ColId ('.' ColLabel)* — table, view, collation names.</summary>
    public static readonly Parser<Token, SqlList<string>> QualifiedName = Parser.Map(
        (first, rest) => Prepend(first, rest), ColId, Dot.Then(ColLabel).Many()).Labelled("name");

    public static readonly Parser<Token, SqlList<string>> ColumnNameList = Parens(ListOf(ColId));

    public static Parser<Token, Token> Match(Func<Token, bool> predicate) => Parser<Token>.Token(predicate);

    public static Parser<Token, Token> Kind(TokenKind kind) => Match(t => t.Kind == kind);

    public static Parser<Token, Token> Kw(string word) => Match(t => t.IsWord(word)).Labelled(word.ToUpperInvariant());

    /// <summary>A sequence of keywords, returning the first token (for its position).</summary>
    public static Parser<Token, Token> Kws(string first, params string[] rest)
    {
        var parser = Kw(first);
        foreach (var word in rest)
        {
            parser = parser.Before(Kw(word));
        }

        return parser;
    }

    public static Parser<Token, Token> Op(string op) => Match(t => t.IsOperator(op)).Labelled(op);

    public static Parser<Token, T> Parens<T>(Parser<Token, T> inner) => inner.Between(LParen, RParen);

    public static Parser<Token, SqlList<T>> ListOf<T>(Parser<Token, T> item) => item.SeparatedAtLeastOnce(Comma).Select(SqlList.From);

    public static Parser<Token, T?> OrNull<T>(Parser<Token, T> parser)
        where T : class => parser.Select(x => (T?)x).Or(Parser<Token>.Return<T?>(null));

    public static Parser<Token, SqlList<T>> OrEmpty<T>(Parser<Token, SqlList<T>> parser) => parser.Or(Parser<Token>.Return(SqlList<T>.Empty));

    public static Parser<Token, bool> Flag<T>(Parser<Token, T> parser) => parser.ThenReturn(true).Or(Parser<Token>.Return(false));

    public static SqlList<string> Prepend(string first, IEnumerable<string> rest)
    {
        var list = new List<string> { first };
        list.AddRange(rest);
        return SqlList.From(list);
    }
}
