using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

public sealed record Project(LogicalPlan Input, SqlList<ProjectItem> Items) : UnaryPlan(Input)
{
    public override SqlList<PlanColumn> Output => SqlList.From(Items.Select(i => i.Column));
}
