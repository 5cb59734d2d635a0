namespace Vnd.Wire.Handlers;

/// <summary>A statement without rows: CommandComplete with this tag ("BEGIN", "SET", "INSERT 0 1").</summary>
public sealed class PgCommandResult(string tag) : PgResult
{
    public string Tag { get; } = tag;
}
