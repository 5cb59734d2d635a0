using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Binding;

/// <summary>A bound query: its logical plan (output = result columns, in order) and the types of $1…$n.</summary>
public sealed record BoundQuery(LogicalPlan Plan, SqlList<SqlType> ParameterTypes)
{
    public SqlList<PlanColumn> Columns => Plan.Output;
}
