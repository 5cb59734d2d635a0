namespace Vnd.Planner.Syntax.Ast;

/// <summary>
/// Base of every AST node. <see cref="Position"/> (0-based character offset of the node's first token) is
/// location metadata for error reports, deliberately left out of equality so trees compare by structure.
/// </summary>
public abstract record SqlNode
{
    public int Position { get; init; }

    public virtual bool Equals(SqlNode? other) => other is not null && EqualityContract == other.EqualityContract;

    public override int GetHashCode() => EqualityContract.GetHashCode();
}
