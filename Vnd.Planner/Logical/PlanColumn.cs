using Vnd.Planner.Types;

namespace Vnd.Planner.Logical;

/// <summary>One output column of a plan node: id, display name and type.</summary>
public sealed record PlanColumn(ColumnId Id, string Name, SqlType Type)
{
    public override string ToString() => Name + Id;
}
