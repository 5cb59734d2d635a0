namespace Vnd.Engine.Sessions;

/// <summary>A setting SHOW knows: PostgreSQL's spelling, its default, and whether a change is reported to the client.</summary>
public sealed record SettingDefinition(string Name, string Default, SettingKind Kind, bool Reported = false, string Description = "");
