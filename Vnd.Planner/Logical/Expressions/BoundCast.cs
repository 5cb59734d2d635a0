using Vnd.Planner.Types;

namespace Vnd.Planner.Logical;

public sealed record BoundCast(BoundExpr Operand, SqlType TargetType) : BoundExpr
{
    public override SqlType Type => TargetType;
}
