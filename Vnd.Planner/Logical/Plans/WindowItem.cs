namespace Vnd.Planner.Logical;

public sealed record WindowItem(PlanColumn Column, BoundWindowCall Call);
