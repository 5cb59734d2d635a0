using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>
/// UNION / INTERSECT / EXCEPT [ALL]. Both inputs already produce <see cref="Columns"/>' types in order (the binder
/// casts them); output columns get their own ids.
/// </summary>
public sealed record SetOperationPlan(SetOperator Operator, bool All, LogicalPlan Left, LogicalPlan Right, SqlList<PlanColumn> Columns) : LogicalPlan
{
    public override SqlList<PlanColumn> Output => Columns;

    public override SqlList<LogicalPlan> Inputs => [Left, Right];

    public override LogicalPlan WithInputs(SqlList<LogicalPlan> inputs) => this with { Left = inputs[0], Right = inputs[1] };
}
