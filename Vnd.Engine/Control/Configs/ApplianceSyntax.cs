using Vnd.Capture.ParseConfigs;

namespace Vnd.Engine.Control.Configs;

/// <summary>An appliance section as written, before its items are checked.</summary>
internal sealed record ApplianceSyntax(SourcePosition Position, ApplianceKind Kind, string Name, IReadOnlyList<SectionItem> Items);
