namespace Vnd.Planner.Logical;

public sealed record AggregateItem(PlanColumn Column, BoundAggregate Call);
