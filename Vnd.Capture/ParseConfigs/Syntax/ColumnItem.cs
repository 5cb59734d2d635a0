namespace Vnd.Capture.ParseConfigs.Syntax;

/// <summary>One item of a <c>Fields</c> list before items naming the same column are merged.</summary>
internal sealed record ColumnItem(FieldReference Field, string? Alias, SourcePosition AliasPosition);
