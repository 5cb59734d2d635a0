namespace Vnd.Planner.Logical;

public sealed record BoundWhen(BoundExpr Condition, BoundExpr Result);
