using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>A node with one input.</summary>
public abstract record UnaryPlan(LogicalPlan Input) : LogicalPlan
{
    public override SqlList<LogicalPlan> Inputs => [Input];

    public override LogicalPlan WithInputs(SqlList<LogicalPlan> inputs) => this with { Input = inputs[0] };
}
