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

    /// <summary>
    /// string_agg/array_agg(x ORDER BY k): the order values are fed in. Empty otherwise — the binder drops ORDER BY
    /// for the aggregates whose result does not depend on the order (count, sum, min, …), as their answer is the same.
    /// </summary>
    public SqlList<SortKey> OrderBy { get; init; } = SqlList<SortKey>.Empty;
}
