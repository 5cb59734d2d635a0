using Vnd.Planner.Types;

namespace Vnd.Planner.Logical;

/// <summary>
/// A subquery placeholder before decorrelation. The plan may reference outer columns (correlation): any
/// <see cref="BoundColumn"/> whose id no node inside the plan produces. The decorrelation rule turns IN/EXISTS
/// conjuncts of a filter into semi/anti joins; what remains is evaluated per outer row or once if uncorrelated.
/// </summary>
public sealed record BoundSubquery(SubqueryKind Kind, LogicalPlan Plan, BoundExpr? Operand, bool Negated, SqlType ResultType) : BoundExpr
{
    public override SqlType Type => ResultType;

    /// <summary>The comparison operator of a <see cref="SubqueryKind.Quantified"/> subquery (=, &lt;&gt;, &lt;, &lt;=, &gt;, &gt;=).</summary>
    public string Comparison { get; init; } = "=";

    /// <summary>ALL rather than ANY, for a <see cref="SubqueryKind.Quantified"/> subquery.</summary>
    public bool All { get; init; }
}
