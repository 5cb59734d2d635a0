using Pidgin;
using Vnd.Capture.ParseConfigs;
using Vnd.Capture.ParseConfigs.Syntax;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;
using static Vnd.Capture.ParseConfigs.Syntax.ConfigLexemes;

namespace Vnd.Engine.Control.Configs;

/// <summary>
/// The trace-collection grammar (paper Fig. 4), sharing layout, comments, field names and value
/// literals with the parse-configuration grammar:
/// <code>
/// config    = appliance+
/// appliance = ("Virtual Appliance" | "Appliance") ["Type"] ("Link" | "Node") [":"] name item*
/// item      = "Capture Point" [":"] name ("," name)*
///           | "Flow Pattern" [":"] field "=" value ("," field "=" value)*
/// </code>
/// </summary>
internal static class TraceCollectionGrammar
{
    private static readonly Parser<char, string> RawName =
        Token(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-').AtLeastOnceString();

    // A name left out would otherwise swallow the next line's keyword ("Node :\nCapture Point ...").
    private static Parser<char, string> Name(string what) =>
        Tok(Checked(RawName, text => IsKeyword(text) ? $"expected {what}, found the keyword '{text}'" : null)).Labelled(what);

    private static bool IsKeyword(string text) =>
        text.Equals("capture", StringComparison.OrdinalIgnoreCase)
        || text.Equals("flow", StringComparison.OrdinalIgnoreCase)
        || text.Equals("appliance", StringComparison.OrdinalIgnoreCase)
        || text.Equals("virtual", StringComparison.OrdinalIgnoreCase);

    private static readonly Parser<char, Unit> Introducer = OneOf(
            Phrase("Virtual", "Appliance"),
            Keyword("Appliance"))
        .Then(Keyword("Type").Optional())
        .IgnoreResult()
        .Labelled("Virtual Appliance or Appliance Type");

    private static readonly Parser<char, ApplianceKind> Kind = OneOf(
        Keyword("Link").ThenReturn(ApplianceKind.Link),
        Keyword("Node").ThenReturn(ApplianceKind.Node)).Labelled("Link or Node");

    private static readonly Parser<char, (SourcePosition, ApplianceKind, string)> Header = Map(
        (position, kind, name) => (position, kind, name),
        Position.Before(Introducer),
        Kind.Before(OptionalColon),
        Name("appliance name"));

    private static readonly Parser<char, CapturePointSpec> Point = Map(
        (position, name) => new CapturePointSpec(name) { Position = position },
        Position,
        Name("capture point"));

    private static readonly Parser<char, SectionItem> CaptureClause =
        Phrase("Capture", "Point").Then(OptionalColon).Then(Point.SeparatedAtLeastOnce(Symbol(',')))
            .Select(points => new SectionItem([.. points], null));

    private static readonly Parser<char, FlowMatch> Match = Map(
        (field, value) => new FlowMatch(field, value) { Position = field.Position },
        FilterGrammar.Field,
        Tok(Char('=').Then(Char('=').Optional())).Labelled("'='").Then(ValueGrammar.Value));

    private static readonly Parser<char, SectionItem> PatternClause = Map(
        (position, matches) => new SectionItem([], new FlowPattern(new ValueList<FlowMatch>(matches)) { Position = position }),
        Position,
        Phrase("Flow", "Pattern").Then(OptionalColon).Then(Match.SeparatedAtLeastOnce(Symbol(','))));

    private static readonly Parser<char, ApplianceSyntax> Appliance = Map(
        (header, items) => new ApplianceSyntax(header.Item1, header.Item2, header.Item3, [.. items]),
        Header,
        OneOf(CaptureClause, PatternClause).Many());

    /// <summary>A whole configuration: leading layout, one or more appliances, end of input.</summary>
    public static readonly Parser<char, IReadOnlyList<ApplianceSyntax>> Configuration =
        Skip.Then(Appliance.AtLeastOnce())
            .Before(End.Labelled("',', Capture Point, Flow Pattern, an appliance or end of input"))
            .Select(appliances => (IReadOnlyList<ApplianceSyntax>)[.. appliances]);
}
