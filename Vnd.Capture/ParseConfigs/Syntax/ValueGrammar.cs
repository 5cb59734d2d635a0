using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;
using static Vnd.Capture.ParseConfigs.Syntax.ConfigLexemes;

namespace Vnd.Capture.ParseConfigs.Syntax;

/// <summary>Filter values and value sets: <c>80</c>, <c>{80, 8000-8080}</c>, <c>10.0.0.0/24</c>, <c>"text"</c>.</summary>
public static class ValueGrammar
{
    private static readonly Parser<char, string> RawToken = Token(ValueClassifier.IsValueChar).AtLeastOnceString();

    private static readonly Parser<char, FilterValue> Unquoted =
        Lookahead(RawToken.Labelled("value")).Then(text => ValueClassifier.Classify(text, out var error) is { } value
            ? RawToken.ThenReturn(value)
            : Fail<FilterValue>(error));

    private static Parser<char, string> QuotedBy(char quote) =>
        Char(quote).Labelled("value")
            .Then(OneOf(Char('\\').Then(Any), Token(c => c != quote && c != '\\' && c != '\n')).ManyString())
            .Before(Char(quote).Labelled($"closing {quote}"));

    private static readonly Parser<char, FilterValue> Quoted =
        QuotedBy('"').Or(QuotedBy('\'')).Select(text => (FilterValue)new StringValue(text));

    // Alternatives that can fail with a message (Unquoted, Single) come first: when every
    // alternative fails, Pidgin keeps the message of the first one.

    /// <summary>One value, positioned at its first character.</summary>
    public static readonly Parser<char, FilterValue> Value =
        Tok(Map((position, value) => value with { Position = position }, Position, Unquoted.Or(Quoted)));

    public static readonly Parser<char, ValueList<FilterValue>> Single =
        Value.Select(value => new ValueList<FilterValue>([value]));

    /// <summary><c>{v1, v2, ...}</c> or a single value.</summary>
    public static readonly Parser<char, ValueList<FilterValue>> Set =
        Single
            .Or(Value.SeparatedAtLeastOnce(Symbol(','))
                .Between(Symbol('{'), Symbol('}').Labelled("',' or '}'"))
                .Select(values => new ValueList<FilterValue>(values)));
}
