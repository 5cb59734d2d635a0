using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Rules;

/// <summary>
/// prune_projections: walks top-down with the set of columns each node's parent needs and drops the rest: unread
/// scan columns (a columnar scan then never touches them), unused projection items, aggregates and window
/// calls. Group keys, DISTINCT inputs and set-operation columns change results and are always kept. A scan
/// that would be left with no column keeps its narrowest one, so row counts survive (SELECT count(*)). Subquery
/// plans inside expressions are pruned too, against their own output: without that a scalar
/// <c>(select count(*) from t)</c> read every column of t.
/// </summary>
public sealed class PruneProjections : ILogicalRule
{
    public string Name => "prune_projections";

    public RuleResult Apply(LogicalPlan plan)
    {
        var result = Prune(plan, plan.Output.Select(c => c.Id).ToHashSet());
        return RuleResult.Compare(plan, result);
    }

    private static LogicalPlan Prune(LogicalPlan plan, HashSet<ColumnId> required)
    {
        plan = PlanExpressions.Map(plan, PruneSubqueries);
        switch (plan)
        {
            case Scan scan:
            {
                var needed = With(required, scan.Filters);
                var columns = scan.Columns.Where(c => needed.Contains(c.Column.Id)).ToList();
                return scan with { Columns = columns.Count > 0 ? SqlList.From(columns) : [Narrowest(scan.Columns)] };
            }
            case Project project:
            {
                var items = project.Items.Where(i => required.Contains(i.Column.Id)).ToList();
                var kept = items.Count > 0 ? SqlList.From(items) : [project.Items[0]];
                return new Project(Prune(project.Input, With([], kept.Select(i => i.Expr))), kept);
            }
            case Aggregate aggregate:
            {
                var aggregates = SqlList.From(aggregate.Aggregates.Where(a => required.Contains(a.Column.Id)));
                var needed = With([], aggregate.Groups.Select(g => g.Expr).Concat(aggregates.Select(a => (BoundExpr)a.Call)));
                return new Aggregate(Prune(aggregate.Input, needed), aggregate.Groups, aggregates);
            }
            case Window window:
            {
                var items = SqlList.From(window.Items.Where(i => required.Contains(i.Column.Id)));
                return items.Count == 0
                    ? Prune(window.Input, required)
                    : new Window(Prune(window.Input, With(required, items.Select(i => (BoundExpr)i.Call))), items);
            }
            case Distinct distinct:
                return distinct with { Input = Prune(distinct.Input, distinct.Input.Output.Select(c => c.Id).ToHashSet()) };
            case SetOperationPlan set:
                return set with
                {
                    Left = Prune(set.Left, set.Left.Output.Select(c => c.Id).ToHashSet()),
                    Right = Prune(set.Right, set.Right.Output.Select(c => c.Id).ToHashSet()),
                };
            case Values or SeriesScan:
                return plan;
            default:
            {
                // Filter, Sort, Limit, Join: pass down what is required plus what the node itself reads.
                var needed = With(required, PlanWalk.Expressions(plan));
                return plan.WithInputs(SqlList.From(plan.Inputs.Select(input => Prune(input, needed))));
            }
        }
    }

    /// <summary>Prunes each subquery plan in <paramref name="expr"/> to what its own output needs. Outer
    /// references inside it are untouched (they name the enclosing query's columns, which the caller keeps).</summary>
    private static BoundExpr PruneSubqueries(BoundExpr expr) =>
        ExprWalk.Any(expr, e => e is BoundSubquery)
            ? ExprWalk.Transform(expr, e => e is BoundSubquery s ? s with { Plan = Prune(s.Plan, s.Plan.Output.Select(c => c.Id).ToHashSet()) } : null)
            : expr;

    /// <summary>When only the row count matters (count(*)), read the cheapest column.</summary>
    private static ScanColumn Narrowest(SqlList<ScanColumn> columns)
    {
        var best = columns[0];
        foreach (var column in columns)
        {
            if (Width(column.Column.Type.Id) < Width(best.Column.Type.Id))
            {
                best = column;
            }
        }
        return best;
    }

    private static int Width(Types.TypeId id) => id switch
    {
        Types.TypeId.Bool => 1,
        Types.TypeId.Int2 => 2,
        Types.TypeId.Int4 or Types.TypeId.Float4 or Types.TypeId.Date => 4,
        Types.TypeId.Int8 or Types.TypeId.Float8 or Types.TypeId.Timestamp or Types.TypeId.TimestampTz or Types.TypeId.Time => 8,
        _ => 16,
    };

    private static HashSet<ColumnId> With(HashSet<ColumnId> required, IEnumerable<BoundExpr> expressions)
    {
        var set = new HashSet<ColumnId>(required);
        foreach (var expr in expressions)
        {
            ExprWalk.AddColumns(expr, set);
        }
        return set;
    }
}
