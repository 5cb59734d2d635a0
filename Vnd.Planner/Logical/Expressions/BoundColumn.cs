using Vnd.Planner.Types;

namespace Vnd.Planner.Logical;

/// <summary>A reference to a column produced by an input (or, inside a subquery, an outer query's column).</summary>
public sealed record BoundColumn(ColumnId Id, string Name, SqlType ColumnType) : BoundExpr
{
    public override SqlType Type => ColumnType;

    public static BoundColumn Of(PlanColumn column) => new(column.Id, column.Name, column.Type);
}
