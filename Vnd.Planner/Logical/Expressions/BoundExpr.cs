using Vnd.Planner.Types;

namespace Vnd.Planner.Logical;

/// <summary>
/// A name-resolved, typed expression. Plain records without delegates: plans are compared by value in rule
/// tests and are meant to be serialised into fragments for table servers.
/// </summary>
public abstract record BoundExpr
{
    public abstract SqlType Type { get; }

    public sealed override string ToString() => ExprText.Format(this);
}
