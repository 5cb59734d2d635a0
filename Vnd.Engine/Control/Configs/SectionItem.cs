namespace Vnd.Engine.Control.Configs;

/// <summary>One Capture Point line (its points) or one Flow Pattern line.</summary>
internal sealed record SectionItem(IReadOnlyList<CapturePointSpec> Points, FlowPattern? Pattern);
