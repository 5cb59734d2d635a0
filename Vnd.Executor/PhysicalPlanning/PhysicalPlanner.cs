using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Aggregates;
using Vnd.Executor.Operators.Joins;
using Vnd.Executor.Operators.Sorting;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using Expr = Vnd.Executor.Expressions.Expr;
using SetOperation = Vnd.Executor.Operators.SetOperation;
using Vnd.Planner.Types;
using LogicalJoinType = Vnd.Planner.Logical.JoinType;
using PhysicalJoinType = Vnd.Executor.Operators.Joins.JoinType;
using PhysicalSortKey = Vnd.Executor.Operators.Sorting.SortKey;

namespace Vnd.Executor.PhysicalPlanning;

/// <summary>
/// Translates an optimized logical plan into physical operators. Output column order is the logical node's
/// <c>Output</c> order, so each parent translates its expressions against its inputs' outputs. Tables come from
/// <paramref name="resolveTable"/> (trace tables on disk, in-memory tables in tests); it sees the whole
/// <see cref="Scan"/> so it can use the pruning hints to skip segments.
/// </summary>
public sealed class PhysicalPlanner(Func<Scan, IBatchSource> resolveTable)
{
    public PhysicalOperator Plan(LogicalPlan plan) => plan switch
    {
        Scan s => PlanScan(s),
        Filter f => new FilterOperator(Plan(f.Input), Over(f.Input).Translate(f.Predicate)),
        Project p => new ProjectOperator(Plan(p.Input), p.Items.Select(i => Over(p.Input).Translate(i.Expr)).ToArray(),
            p.Items.Select(i => i.Column.Name).ToArray()),
        Aggregate a => PlanAggregate(a),
        Sort s => new SortOperator(Plan(s.Input), s.Keys.Select(k => Key(Over(s.Input), k)).ToArray(), s.Fetch),
        Limit l => new LimitOperator(Plan(l.Input), l.Count is null ? null : Constant(l.Count), l.Offset is null ? 0 : Constant(l.Offset) ?? 0),
        Distinct { On.Count: 0 } d => new HashAggregateOperator(Plan(d.Input),
            d.Input.Output.Select((c, i) => Expr.Column(i, c.Type, c.Name)).ToArray(), []),
        Join j => PlanJoin(j),
        SetOperationPlan s => new SetOperationOperator(Plan(s.Left), Plan(s.Right), s.Operator switch
        {
            SetOperator.Union => SetOperation.Union,
            SetOperator.Intersect => SetOperation.Intersect,
            _ => SetOperation.Except,
        }, s.All),
        Values v => PlanValues(v),
        Distinct => throw ExpressionTranslator.Unsupported("DISTINCT ON"),
        Window => throw ExpressionTranslator.Unsupported("window functions (OVER)"),
        _ => throw ExpressionTranslator.Unsupported($"plan node {plan.GetType().Name}"),
    };

    private ExpressionTranslator Over(LogicalPlan input) => new(input.Output, Plan);

    private PhysicalOperator PlanScan(Scan scan)
    {
        var source = resolveTable(scan);
        PhysicalOperator result = new TableScanOperator(source, scan.Columns.Select(c => c.Ordinal).ToArray(), scan.Schema + "." + scan.Table);
        if (scan.Filters.Count > 0)
        {
            var translator = Over(scan);
            result = new FilterOperator(result, Expr.And(scan.Filters.Select(translator.Translate).ToArray()));
        }
        return scan.Fetch is { } fetch ? new LimitOperator(result, fetch) : result;
    }

    private PhysicalOperator PlanAggregate(Aggregate aggregate)
    {
        var translator = Over(aggregate.Input);
        var groups = aggregate.Groups.Select(g => translator.Translate(g.Expr)).ToArray();
        var calls = aggregate.Aggregates.Select(a => AggregateOf(translator, a.Call)).ToArray();
        return new HashAggregateOperator(Plan(aggregate.Input), groups, calls);
    }

    /// <summary>FILTER (WHERE f) becomes CASE WHEN f THEN arg END: every aggregate here ignores NULL inputs.</summary>
    private static AggregateCall AggregateOf(ExpressionTranslator translator, BoundAggregate call)
    {
        if (call.WithinGroup.Count > 0)
            throw ExpressionTranslator.Unsupported($"{call.Name} WITHIN GROUP");
        var name = call.Name.ToLowerInvariant();
        var kind = name switch
        {
            "count" when call.Arguments.Count == 0 => call.Filter is null ? AggregateKind.CountStar : AggregateKind.Count,
            "count" => AggregateKind.Count,
            "sum" => AggregateKind.Sum,
            "avg" => AggregateKind.Avg,
            "min" => AggregateKind.Min,
            "max" => AggregateKind.Max,
            "stddev" or "stddev_samp" => AggregateKind.StddevSamp,
            "stddev_pop" => AggregateKind.StddevPop,
            "variance" or "var_samp" => AggregateKind.VarSamp,
            "var_pop" => AggregateKind.VarPop,
            "bool_and" or "every" => AggregateKind.BoolAnd,
            "bool_or" => AggregateKind.BoolOr,
            "string_agg" => AggregateKind.StringAgg,
            _ => throw ExpressionTranslator.Unsupported($"aggregate {call.Name}"),
        };
        Expression? argument = call.Arguments.Count == 0
            ? (kind == AggregateKind.CountStar ? null : Expr.Constant(1, SqlType.Int4))
            : translator.Translate(call.Arguments[0]);
        if (call.Filter is not null)
            argument = Expr.Case([(translator.Translate(call.Filter), argument!)], Expr.Null(argument!.Type));
        string? separator = null;
        if (kind == AggregateKind.StringAgg)
        {
            separator = call.Arguments.Count > 1 && call.Arguments[1] is BoundLiteral { Value: string s }
                ? s
                : throw ExpressionTranslator.Unsupported("string_agg with a non-constant separator");
        }
        return new AggregateCall(kind, argument, call.Distinct, separator);
    }

    private PhysicalOperator PlanJoin(Join join)
    {
        var left = Over(join.Left);
        var right = Over(join.Right);
        Expression[] probeKeys;
        Expression[] buildKeys;
        if (join.Keys.Count == 0)
        {
            // No equi-key (cross join, pure theta join): one shared constant key puts every pair in one bucket,
            // which is the nested-loop join a cross product needs anyway.
            probeKeys = [Expr.Constant(1, SqlType.Int4)];
            buildKeys = [Expr.Constant(1, SqlType.Int4)];
        }
        else
        {
            probeKeys = join.Keys.Select(k => left.Translate(k.Left)).ToArray();
            buildKeys = join.Keys.Select(k => right.Translate(k.Right)).ToArray();
        }
        var residual = join.Residual is null
            ? null
            : new ExpressionTranslator(join.Left.Output.Concat(join.Right.Output), Plan).Translate(join.Residual);
        var type = join.Type switch
        {
            LogicalJoinType.Inner or LogicalJoinType.Cross => PhysicalJoinType.Inner,
            LogicalJoinType.Left => PhysicalJoinType.Left,
            LogicalJoinType.Right => PhysicalJoinType.Right,
            LogicalJoinType.Full => PhysicalJoinType.Full,
            LogicalJoinType.Semi => PhysicalJoinType.Semi,
            LogicalJoinType.Anti => PhysicalJoinType.Anti,
            _ => PhysicalJoinType.NullAwareAnti,
        };
        if (type == PhysicalJoinType.NullAwareAnti && join.Keys.Count == 0)
            throw ExpressionTranslator.Unsupported("NOT IN without a comparable key");
        return new HashJoinOperator(Plan(join.Left), Plan(join.Right), probeKeys, buildKeys, type, residual);
    }

    /// <summary>Each VALUES row is a projection of the single empty row; the rows are concatenated in order.</summary>
    private PhysicalOperator PlanValues(Values values)
    {
        var translator = new ExpressionTranslator([], Plan);
        var names = values.Columns.Select(c => c.Name).ToArray();
        var rows = new PhysicalOperator[values.Rows.Count];
        for (var r = 0; r < rows.Length; r++)
        {
            var emptyRow = new InMemoryTable([]);
            emptyRow.AppendRow();
            var items = values.Rows[r].Select((e, c) => Expr.Cast(translator.Translate(e), values.Columns[c].Type)).ToArray();
            rows[r] = new ProjectOperator(new TableScanOperator(emptyRow), items, names);
        }
        if (rows.Length == 0)
            return new LimitOperator(new TableScanOperator(new InMemoryTable(values.Columns.Select(c => c.Type).ToArray(), names)), 0);
        return rows.Length == 1 ? rows[0] : new UnionAllOperator(rows);
    }

    private static PhysicalSortKey Key(ExpressionTranslator translator, Vnd.Planner.Logical.SortKey key) =>
        new(translator.Translate(key.Expr), key.Descending, key.NullsFirst);

    private static long? Constant(BoundExpr expr) => expr switch
    {
        BoundLiteral { Value: null } => null,
        BoundLiteral { Value: var v } => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture),
        BoundCast c => Constant(c.Operand),
        _ => throw ExpressionTranslator.Unsupported("LIMIT/OFFSET that is not a constant"),
    };
}
