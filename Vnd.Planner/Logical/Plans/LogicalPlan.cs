using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>
/// A node of an engine-neutral logical plan. Nodes are immutable records; rules rebuild the path they change.
/// </summary>
public abstract record LogicalPlan
{
    public abstract SqlList<PlanColumn> Output { get; }

    public abstract SqlList<LogicalPlan> Inputs { get; }

    public abstract LogicalPlan WithInputs(SqlList<LogicalPlan> inputs);

    public sealed override string ToString() => Explain.PlanText.Format(this);
}
