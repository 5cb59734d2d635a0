namespace Vnd.Planner.Logical;

/// <summary>An output column computed from an expression over the input.</summary>
public sealed record ProjectItem(PlanColumn Column, BoundExpr Expr);
