using Pidgin;
using Pidgin.Comment;
using Pidgin.Configuration;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace Vnd.Capture.ParseConfigs.Syntax;

/// <summary>
/// Token-level parsers shared by the parse-configuration and trace-collection grammars. Every
/// token parser skips the whitespace and comments (<c>#</c> or <c>--</c> to the end of the line)
/// that follow it, so the grammars never mention layout.
/// </summary>
public static class ConfigLexemes
{
    private static readonly Parser<char, Unit> Comment =
        CommentParser.SkipLineComment(String("#")).Or(CommentParser.SkipLineComment(Try(String("--"))));

    /// <summary>Whitespace (newlines included) and comments.</summary>
    public static readonly Parser<char, Unit> Skip = OneOf(Whitespace.SkipAtLeastOnce(), Comment).SkipMany();

    public static readonly Parser<char, SourcePosition> Position =
        CurrentPos.Select(pos => new SourcePosition(pos.Line, pos.Col));

    private static readonly Parser<char, char> IdentifierChar =
        Token(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static readonly Parser<char, Unit> OptionalColonParser = Token(':').Before(Skip).Optional().IgnoreResult();

    /// <summary>An optional ':' after a keyword, as in Fig. 7b's <c>Filter:</c> and <c>Fields:</c>.</summary>
    public static Parser<char, Unit> OptionalColon => OptionalColonParser;

    /// <summary>A letter, then letters, digits and '_' (one segment of a field name).</summary>
    public static readonly Parser<char, string> Word =
        Map((first, rest) => first + rest, Token(char.IsAsciiLetter), IdentifierChar.ManyString());

    /// <summary>
    /// Counts every character but '\n' as one column (Pidgin's default counts a tab as four), so
    /// positions agree with <see cref="NestingGuard"/> and with what editors call a column.
    /// </summary>
    public static readonly IConfiguration<char> Configuration =
        CharDefaultConfiguration.Instance.WithPosCalculator(c => c == '\n' ? SourcePosDelta.NewLine : SourcePosDelta.OneCol);

    public static Parser<char, T> Tok<T>(Parser<char, T> parser) => parser.Before(Skip);

    /// <summary>A case-insensitive keyword that is not the prefix of a longer word.</summary>
    public static Parser<char, Unit> Keyword(string word) =>
        Tok(Try(CIString(word).Before(Not(IdentifierChar)))).IgnoreResult().Labelled(word);

    /// <summary>Two keywords written as one phrase, e.g. <c>Trace ID</c>.</summary>
    public static Parser<char, Unit> Phrase(string first, string second) =>
        Keyword(first).Then(Keyword(second)).Labelled(first + " " + second);

    public static Parser<char, char> Symbol(char c) => Tok(Char(c));

    /// <summary>
    /// Reads a token with <paramref name="raw"/> and checks it with <paramref name="check"/> (null when
    /// valid, else the message). The check runs on a look-ahead copy so that a rejected token is
    /// reported at its first character rather than after it.
    /// </summary>
    public static Parser<char, string> Checked(Parser<char, string> raw, Func<string, string?> check) =>
        Lookahead(raw).Then(text => check(text) is { } error ? Fail<string>(error) : raw);
}
