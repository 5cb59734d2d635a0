using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Vnd.Planner.Types;

namespace Vnd.Planner.Distributed;

/// <summary>
/// An aggregate over a UNION ALL split into a partial aggregate per branch, which runs at the branch's table server,
/// and a final aggregate over the partial rows: only one row per group and branch crosses the network instead of
/// every input row (paper §3.3.2: single-table work stays at the table server).
/// </summary>
/// <remarks>
/// count → sum of counts; sum, min, max, bool_and, bool_or, bit_and, bit_or, bit_xor → the same aggregate of the partials; avg → sum of sums
/// over sum of counts. Result types stay PostgreSQL's: a sum of int8 partial counts is numeric, so it is cast back to
/// int8, as is sum(int2/int4). DISTINCT, ordered-set and other aggregates are not split (the plan stays as it was).
/// </remarks>
internal static class PartialAggregation
{
    public static LogicalPlan? Split(Aggregate aggregate, SetOperationPlan union, ColumnIdAllocator ids)
    {
        if (!aggregate.Aggregates.All(a => Splittable(a.Call)) || HasSubquery(aggregate))
            return null;
        var branches = UnionBranches.Of(union);
        var partials = new List<LogicalPlan>(branches.Count);
        foreach (var branch in branches)
            partials.Add(Partial(aggregate, union.Columns, branch, ids));
        var partialColumns = SqlList.From(partials[0].Output.Select(c => new PlanColumn(ids.Next(), c.Name, c.Type)));
        var merged = UnionBranches.Union(partials, partialColumns, ids);
        return Final(aggregate, merged, ids);
    }

    private static bool Splittable(BoundAggregate call) =>
        !call.Distinct && call.WithinGroup.Count == 0 && call.OrderBy.Count == 0 && call.Name.ToLowerInvariant() switch
        {
            "count" or "min" or "max" or "bool_and" or "bool_or" or "every" or "bit_and" or "bit_or" or "bit_xor" => true,
            "sum" or "avg" => call.Arguments.Count == 1 && SumType(call.Arguments[0].Type) is not null,
            _ => false,
        };

    private static bool HasSubquery(Aggregate aggregate) =>
        aggregate.Groups.Any(g => ExprWalk.Any(g.Expr, e => e is BoundSubquery))
        || aggregate.Aggregates.Any(a => ExprWalk.Any(a.Call, e => e is BoundSubquery));

    /// <summary>PostgreSQL's sum result type for an argument type (pg_aggregate), null when VND has no such sum.</summary>
    private static SqlType? SumType(SqlType argument) => argument.Id switch
    {
        TypeId.Int2 or TypeId.Int4 => SqlType.Int8,
        TypeId.Int8 or TypeId.Numeric => SqlType.Numeric,
        TypeId.Float4 => SqlType.Float4,
        TypeId.Float8 => SqlType.Float8,
        TypeId.Interval => SqlType.Interval,
        _ => null,
    };

    /// <summary>The branch's partial aggregate: its groups, then per aggregate its partial columns (avg: sum, count).</summary>
    private static Aggregate Partial(Aggregate aggregate, SqlList<PlanColumn> union, LogicalPlan branch, ColumnIdAllocator ids)
    {
        var groups = SqlList.From(aggregate.Groups.Select(g =>
            new ProjectItem(new PlanColumn(ids.Next(), g.Column.Name, g.Column.Type), UnionBranches.InBranch(g.Expr, union, branch))));
        var items = new List<AggregateItem>();
        foreach (var item in aggregate.Aggregates)
        {
            var call = (BoundAggregate)UnionBranches.InBranch(item.Call, union, branch);
            if (call.Name.Equals("avg", StringComparison.OrdinalIgnoreCase))
            {
                var sumType = SumType(call.Arguments[0].Type)!;
                items.Add(Item(call with { FunctionId = Id("sum", call.Arguments[0].Type), Name = "sum", ResultType = sumType }, "sum", ids));
                items.Add(Item(call with { FunctionId = "count(any)", Name = "count", ResultType = SqlType.Int8 }, "count", ids));
            }
            else
            {
                items.Add(Item(call, call.Name, ids));
            }
        }
        return new Aggregate(branch, groups, SqlList.From(items));
    }

    private static AggregateItem Item(BoundAggregate call, string name, ColumnIdAllocator ids) =>
        new(new PlanColumn(ids.Next(), name, call.ResultType), call);

    /// <summary>The final aggregate over the partial rows, under a projection that restores the original columns.</summary>
    private static LogicalPlan Final(Aggregate aggregate, SetOperationPlan partials, ColumnIdAllocator ids)
    {
        var input = partials.Columns;
        var groups = new List<ProjectItem>();
        var projection = new List<ProjectItem>();
        for (var g = 0; g < aggregate.Groups.Count; g++)
        {
            var column = aggregate.Groups[g].Column;
            groups.Add(new ProjectItem(column, BoundColumn.Of(input[g])));
            projection.Add(new ProjectItem(column, BoundColumn.Of(column)));
        }
        var finals = new List<AggregateItem>();
        var at = aggregate.Groups.Count;
        foreach (var item in aggregate.Aggregates)
        {
            var name = item.Call.Name.ToLowerInvariant();
            if (name == "avg")
            {
                var sum = Merge("sum", input[at++], finals, ids);
                var count = AsInt8(Merge("sum", input[at++], finals, ids));
                projection.Add(new ProjectItem(item.Column, Average(sum, count, item.Column.Type)));
                continue;
            }
            var merged = Merge(name == "count" ? "sum" : name == "every" ? "bool_and" : name, input[at++], finals, ids);
            projection.Add(new ProjectItem(item.Column, merged.Type.Equals(item.Column.Type) ? merged : new BoundCast(merged, item.Column.Type)));
        }
        var final = new Aggregate(partials, SqlList.From(groups), SqlList.From(finals));
        return new Project(final, SqlList.From(projection));
    }

    /// <summary>Adds <paramref name="function"/>(partial) to the final aggregate and returns a reference to its result.</summary>
    private static BoundColumn Merge(string function, PlanColumn partial, List<AggregateItem> finals, ColumnIdAllocator ids)
    {
        var type = function == "sum" ? SumType(partial.Type)! : partial.Type;
        var call = new BoundAggregate(Id(function, partial.Type), function, [BoundColumn.Of(partial)], false, null, type);
        var item = Item(call, function, ids);
        finals.Add(item);
        return BoundColumn.Of(item.Column);
    }

    /// <summary>The function id the binder would give (<c>FunctionSignature.Id</c>): min/max are polymorphic.</summary>
    private static string Id(string function, SqlType argument) =>
        $"{function}({(function is "min" or "max" ? "any" : argument.Id.ToString().ToLowerInvariant())})";

    private static BoundExpr AsInt8(BoundExpr expr) => expr.Type.Id == TypeId.Int8 ? expr : new BoundCast(expr, SqlType.Int8);

    /// <summary>sum / count, NULL when nothing was counted, in avg's result type (numeric, float8 or interval).</summary>
    private static BoundExpr Average(BoundExpr sum, BoundExpr count, SqlType result)
    {
        var divisor = result.Id == TypeId.Numeric ? (BoundExpr)new BoundCast(count, SqlType.Numeric) : new BoundCast(count, SqlType.Float8);
        var dividend = sum.Type.Equals(result) ? sum : new BoundCast(sum, result);
        var none = BoundCall.Operator("=", SqlType.Bool, count, new BoundLiteral(0L, SqlType.Int8));
        return new BoundCase([new BoundWhen(none, new BoundLiteral(null, result))], BoundCall.Operator("/", result, dividend, divisor), result);
    }
}
