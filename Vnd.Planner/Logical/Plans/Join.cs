using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>
/// Joins two inputs on equi-keys (hash-joinable; left expression over the left input, right over the right) and a
/// residual predicate evaluated on matching pairs. Semi and anti joins output the left columns only.
/// </summary>
public sealed record Join(JoinType Type, LogicalPlan Left, LogicalPlan Right, SqlList<EquiKey> Keys, BoundExpr? Residual) : LogicalPlan
{
    public override SqlList<PlanColumn> Output => Type is JoinType.Semi or JoinType.Anti or JoinType.NullAwareAnti
        ? Left.Output
        : SqlList.From(Left.Output.Concat(Right.Output));

    public override SqlList<LogicalPlan> Inputs => [Left, Right];

    public override LogicalPlan WithInputs(SqlList<LogicalPlan> inputs) => this with { Left = inputs[0], Right = inputs[1] };
}
