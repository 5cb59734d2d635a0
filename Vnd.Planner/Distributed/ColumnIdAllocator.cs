using Vnd.Planner.Logical;

namespace Vnd.Planner.Distributed;

/// <summary>Fresh column ids for columns the distributed planner adds (shipped join keys), above every id of the plan.</summary>
public sealed class ColumnIdAllocator(LogicalPlan plan)
{
    private int _next = PlanWalk.Produced(plan).Select(id => id.Value).DefaultIfEmpty(0).Max() + 1;

    public ColumnId Next() => new(_next++);
}
