namespace Vnd.Capture.ParseConfigs.Syntax;

/// <summary>A <c>Table ID / Filter / Fields</c> group as written, before defaults are applied.</summary>
internal sealed record RuleSyntax(
    SourcePosition Position,
    string? TableId,
    SourcePosition TableIdPosition,
    FilterExpr? Filter,
    IReadOnlyList<ColumnItem> Items);
