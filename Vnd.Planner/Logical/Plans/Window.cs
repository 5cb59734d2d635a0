using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>Appends one column per window call to every input row.</summary>
public sealed record Window(LogicalPlan Input, SqlList<WindowItem> Items) : UnaryPlan(Input)
{
    public override SqlList<PlanColumn> Output => SqlList.From(Input.Output.Concat(Items.Select(i => i.Column)));
}
