using Vnd.Planner.Types;

namespace Vnd.Planner.Logical;

/// <summary>$n (1-based), typed from context by the binder.</summary>
public sealed record BoundParameter(int Index, SqlType ParameterType) : BoundExpr
{
    public override SqlType Type => ParameterType;
}
