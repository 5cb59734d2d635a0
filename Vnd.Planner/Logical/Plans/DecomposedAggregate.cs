using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Logical;

/// <summary>What a <see cref="DecomposedAggregate"/> computes over the matched rows of a reconciled join.</summary>
public enum DecomposedKind : byte
{
    CountStar,
    Count,
    Sum,
    Avg,
}

/// <summary>
/// One term of an aggregate's argument: term <see cref="Index"/> of the site that evaluates it
/// (<see cref="Local"/>: the <see cref="ReconciledAggregate"/>'s own input, else the <see cref="ReconciledPartial"/>'s),
/// added or subtracted.
/// </summary>
public readonly record struct SignedTerm(bool Local, int Index, bool Negative);

/// <summary>
/// count(*), count(x), sum(x) or avg(x) over a join's matched rows, where x is a sum of <see cref="Terms"/> each read
/// at one site (pout.ts − pin.ts), so Σ x = Σ over the terms of each site's sum over its matched rows.
/// <see cref="Limit"/> bounds |x| per row: within it no row's x overflows its type, and an interval x (a difference
/// of two timestamps) has no whole days, so the sum of the rows' intervals is the interval of the sum.
/// </summary>
public sealed record DecomposedAggregate(PlanColumn Column, DecomposedKind Kind, long Limit, SqlList<SignedTerm> Terms)
{
    public override string ToString() =>
        $"{Kind.ToString().ToLowerInvariant()}({string.Join(" ", Terms.Select(t => (t.Negative ? "-" : "+") + (t.Local ? "local" : "remote") + t.Index))}) AS {Column}";
}
