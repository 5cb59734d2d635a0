using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Logical;

/// <summary>An aggregate call: count(*) has no arguments; FILTER (WHERE …) and DISTINCT as written.</summary>
public sealed record BoundAggregate(
    string FunctionId,
    string Name,
    SqlList<BoundExpr> Arguments,
    bool Distinct,
    BoundExpr? Filter,
    SqlType ResultType) : BoundExpr
{
    public override SqlType Type => ResultType;

    /// <summary>percentile_cont/disc: the WITHIN GROUP ordering; empty otherwise.</summary>
    public SqlList<SortKey> WithinGroup { get; init; } = SqlList<SortKey>.Empty;
}
