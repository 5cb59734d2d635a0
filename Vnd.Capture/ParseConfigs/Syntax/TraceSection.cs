namespace Vnd.Capture.ParseConfigs.Syntax;

/// <summary>A <c>Trace ID</c> line and the rules that follow it; a null id means <c>all</c>.</summary>
internal sealed record TraceSection(string? TraceId, SourcePosition Position, IReadOnlyList<RuleSyntax> Rules);
