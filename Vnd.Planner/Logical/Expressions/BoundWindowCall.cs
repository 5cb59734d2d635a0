using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Logical;

/// <summary>f(…) OVER (PARTITION BY … ORDER BY … frame): a window function or an aggregate used as one.</summary>
public sealed record BoundWindowCall(
    string FunctionId,
    string Name,
    SqlList<BoundExpr> Arguments,
    SqlList<BoundExpr> PartitionBy,
    SqlList<SortKey> OrderBy,
    BoundFrame? Frame,
    SqlType ResultType) : BoundExpr
{
    public override SqlType Type => ResultType;

    public bool IsAggregate { get; init; }
}
