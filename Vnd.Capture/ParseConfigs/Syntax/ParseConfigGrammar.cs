using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;
using static Vnd.Capture.ParseConfigs.Syntax.ConfigLexemes;

namespace Vnd.Capture.ParseConfigs.Syntax;

/// <summary>
/// The parse-configuration grammar (paper Fig. 7a):
/// <code>
/// config  = section+
/// section = "Trace ID" (trace_id | "all") rule+
/// rule    = ["Table ID" name] ["Filter" [":"] exp] "Fields" [":"] item ("," item)*
/// item    = field ["as" name]
/// </code>
/// </summary>
internal static class ParseConfigGrammar
{
    private static readonly Parser<char, string> TraceName =
        Token(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or ':').AtLeastOnceString();

    // Read the whole name first so that a trace called "all-in" is not taken for "all".
    private static readonly Parser<char, string?> TraceId =
        Tok(Checked(TraceName, text => ClauseKeywords.Contains(text) ? $"expected trace id or 'all', found the keyword '{text}'" : null)).Select(name => name.Equals("all", StringComparison.OrdinalIgnoreCase) ? null : name)
            .Labelled("trace id or 'all'");

    private static readonly Parser<char, TraceSectionHeader> TraceHeader =
        Map((position, id) => new TraceSectionHeader(id, position), Position, Phrase("Trace", "ID").Then(OptionalColon).Then(TraceId));

    private static readonly Parser<char, string> NameToken = Token(c => ValueClassifier.IsValueChar(c) || c == '$').AtLeastOnceString();

    private static Parser<char, (string, SourcePosition)> SqlName(string what) =>
        Tok(Map(
            (position, text) => (text.ToLowerInvariant(), position),
            Position,
            Checked(NameToken, text => CheckName(what, text))))
        .Labelled(what);

    private static string? CheckName(string what, string text) =>
        ClauseKeywords.Contains(text) ? $"expected {what}, found the keyword '{text}'"
        : SqlIdentifier.Check(text, out _) is { } why ? $"invalid {what}: {why}"
        : null;

    private static readonly Parser<char, (string, SourcePosition)> TableClause =
        Phrase("Table", "ID").Then(OptionalColon).Then(SqlName("table id"));

    private static readonly Parser<char, FilterExpr> FilterClause =
        Keyword("Filter").Then(OptionalColon).Then(FilterGrammar.Expression);

    private static readonly Parser<char, ColumnItem> Item = Map(
        (field, alias) => alias.HasValue
            ? new ColumnItem(field, alias.Value.Item1, alias.Value.Item2)
            : new ColumnItem(field, null, field.Position),
        FilterGrammar.Field,
        Keyword("as").Then(SqlName("column name")).Optional());

    private static readonly Parser<char, IEnumerable<ColumnItem>> FieldsClause =
        Keyword("Fields").Then(OptionalColon).Then(Item.SeparatedAtLeastOnce(Symbol(',')));

    private static readonly Parser<char, RuleSyntax> Rule = Map(
        (position, table, filter, items) => new RuleSyntax(
            position,
            table.HasValue ? table.Value.Item1 : null,
            table.HasValue ? table.Value.Item2 : position,
            filter.HasValue ? filter.Value : null,
            [.. items]),
        Position,
        TableClause.Optional(),
        FilterClause.Optional(),
        FieldsClause);

    private static readonly Parser<char, TraceSection> Section = Map(
        (header, rules) => new TraceSection(header.TraceId, header.Position, [.. rules]),
        TraceHeader,
        Rule.AtLeastOnce());

    /// <summary>A whole configuration: leading layout, one or more sections, end of input.</summary>
    public static readonly Parser<char, IReadOnlyList<TraceSection>> Configuration =
        Skip.Then(Section.AtLeastOnce()).Before(End.Labelled(AfterFieldList))
            .Select(sections => (IReadOnlyList<TraceSection>)[.. sections]);

    // End is only tried after a complete Fields list, where all of these could follow.
    private const string AfterFieldList = "',', 'as', Table ID, Filter, Fields, Trace ID or end of input";

    private sealed record TraceSectionHeader(string? TraceId, SourcePosition Position);
}
