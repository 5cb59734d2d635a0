namespace Vnd.Capture.ParseConfigs;

/// <summary>
/// Base of every parse-configuration syntax node. <see cref="Position"/> records where the node
/// was written so that validation can point at it; it is diagnostic data and takes no part in
/// equality, so two configurations that say the same thing compare equal however they are laid out.
/// </summary>
public abstract record ConfigNode
{
    public SourcePosition Position { get; init; }

    public virtual bool Equals(ConfigNode? other) =>
        other is not null && EqualityContract == other.EqualityContract;

    public override int GetHashCode() => EqualityContract.GetHashCode();
}
