using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Distributed;

/// <summary>
/// Whether an aggregate without groups directly over an inner join of two sides on one integer key can be computed
/// from per-side sums over the matched rows (<see cref="ReconciledAggregate"/>), and how: every aggregate is
/// count(*), or count/sum/avg of a sum or difference of terms that each read one side. A term is a column, possibly
/// widened to a larger integer type; integer arguments must stay integers at every step (so the sums are exact), and
/// an interval argument must be one timestamp minus another of the same type (pout.ts − pin.ts). Anything else —
/// min/max, DISTINCT, FILTER, floats, a term mixing sides, constants — is not decomposed: min and max of a
/// difference are not functions of the sides' minima and maxima, and a float sum depends on its order.
/// </summary>
public static class AggregateDecomposition
{
    /// <summary>|x| bound of an interval argument: below a day a timestamp difference has no days part.</summary>
    public const long IntervalLimit = 86_400_000_000 - 1;

    /// <summary>An aggregate's terms: for each, its side (true = the join's right input), index among that side's terms and sign.</summary>
    public sealed record Item(PlanColumn Column, DecomposedKind Kind, long Limit, IReadOnlyList<(bool Right, int Index, bool Negative)> Terms);

    /// <summary>The terms each side evaluates and the aggregates over them.</summary>
    public sealed record Result(SqlList<BoundExpr> LeftTerms, SqlList<BoundExpr> RightTerms, IReadOnlyList<Item> Items)
    {
        /// <summary>The items with terms numbered for a site: the side evaluating <see cref="ReconciledAggregate"/> is local.</summary>
        public SqlList<DecomposedAggregate> For(bool localIsLeft) => SqlList.From(Items.Select(item => new DecomposedAggregate(item.Column,
            item.Kind, item.Limit, SqlList.From(item.Terms.Select(t => new SignedTerm(t.Right != localIsLeft, t.Index, t.Negative))))));
    }

    public static Result? Analyze(Aggregate aggregate, Join join)
    {
        if (aggregate.Groups.Count > 0 || join.Type != JoinType.Inner || join.Residual is not null || join.Keys.Count != 1 ||
            !join.Keys[0].Left.Type.IsInteger || !join.Keys[0].Right.Type.IsInteger || aggregate.Aggregates.Count == 0)
            return null;
        var sides = new Sides(join.Left.Output.Select(c => c.Id).ToHashSet(), join.Right.Output.Select(c => c.Id).ToHashSet());
        var items = new List<Item>();
        foreach (var aggregateItem in aggregate.Aggregates)
        {
            var item = Decompose(aggregateItem, sides);
            if (item is null)
                return null;
            items.Add(item);
        }
        return new Result(SqlList.From(sides.Left), SqlList.From(sides.Right), items);
    }

    private static Item? Decompose(AggregateItem item, Sides sides)
    {
        var call = item.Call;
        if (call.Distinct || call.Filter is not null || call.WithinGroup.Count > 0 || call.OrderBy.Count > 0 || call.Arguments.Count > 1)
            return null;
        var kind = (call.Name.ToLowerInvariant(), call.Arguments.Count) switch
        {
            ("count", 0) => DecomposedKind.CountStar,
            ("count", 1) => DecomposedKind.Count,
            ("sum", 1) => DecomposedKind.Sum,
            ("avg", 1) => DecomposedKind.Avg,
            _ => (DecomposedKind?)null,
        };
        if (kind is not { } k)
            return null;
        if (k == DecomposedKind.CountStar)
            return new Item(item.Column, k, long.MaxValue, []);
        var argument = call.Arguments[0];
        var terms = new List<(bool, int, bool)>();
        if (argument.Type.Id == TypeId.Interval)
        {
            // Only ts1 - ts2: the one interval-valued form whose per-row value is linear in its terms (within a day).
            return argument is BoundCall { Kind: CallKind.Operator, Name: "-", Arguments: [var a, var b] } &&
                   a.Type.Id is TypeId.Timestamp or TypeId.TimestampTz && a.Type.Equals(b.Type) &&
                   a is BoundColumn && b is BoundColumn && sides.Add(a, false, terms) && sides.Add(b, true, terms)
                ? new Item(item.Column, k, IntervalLimit, terms)
                : null;
        }
        var limit = long.MaxValue;
        return argument.Type.IsInteger && Linear(argument, false, sides, terms, ref limit) ? new Item(item.Column, k, limit, terms) : null;
    }

    /// <summary>Collects the signed integer terms of a +/− tree, narrowing <paramref name="limit"/> to every step's type.</summary>
    private static bool Linear(BoundExpr expr, bool negative, Sides sides, List<(bool, int, bool)> terms, ref long limit)
    {
        if (!expr.Type.IsInteger)
            return false;
        limit = Math.Min(limit, MaxOf(expr.Type));
        switch (expr)
        {
            case BoundCall { Kind: CallKind.Operator, Name: "+" or "-", Arguments: [var left, var right] } call:
                return Linear(left, negative, sides, terms, ref limit) &&
                       Linear(right, call.Name == "-" ? !negative : negative, sides, terms, ref limit);
            case BoundCast { Operand: BoundColumn column } cast when column.Type.IsInteger && MaxOf(cast.TargetType) >= MaxOf(column.Type):
                return sides.Add(expr, negative, terms);
            case BoundColumn:
                return sides.Add(expr, negative, terms);
            default:
                return false;
        }
    }

    private static long MaxOf(SqlType type) => type.Id switch
    {
        TypeId.Int2 => short.MaxValue,
        TypeId.Int4 => int.MaxValue,
        _ => long.MaxValue,
    };

    /// <summary>Each side's distinct terms; a term must read columns of exactly one side.</summary>
    private sealed class Sides(HashSet<ColumnId> leftColumns, HashSet<ColumnId> rightColumns)
    {
        public List<BoundExpr> Left { get; } = [];

        public List<BoundExpr> Right { get; } = [];

        public bool Add(BoundExpr term, bool negative, List<(bool, int, bool)> terms)
        {
            var columns = ExprWalk.Columns(term);
            bool right;
            if (columns.Count > 0 && columns.All(leftColumns.Contains))
                right = false;
            else if (columns.Count > 0 && columns.All(rightColumns.Contains))
                right = true;
            else
                return false;
            var list = right ? Right : Left;
            var index = list.IndexOf(term);
            if (index < 0)
            {
                index = list.Count;
                list.Add(term);
            }
            terms.Add((right, index, negative));
            return true;
        }
    }
}
