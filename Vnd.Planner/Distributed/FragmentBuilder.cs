using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Distributed;

/// <summary>
/// Turns the chosen candidate into fragments: every <see cref="MoveShape"/> cuts the tree, its input becoming a
/// fragment at the input's site and its place taken by an <see cref="ExchangeScan"/> with the same columns.
/// </summary>
public sealed class FragmentBuilder
{
    private readonly List<PlanFragment> _fragments = [];
    private readonly List<Exchange> _exchanges = [];
    private readonly List<JoinDecision> _joins = [];
    private int _nextId;

    public DistributedPlan Build(Candidate root, double cost)
    {
        var id = _nextId++;
        _fragments.Add(new PlanFragment(id, root.Site, Materialize(root, id), root.Rows, root.Bytes));
        _fragments.Sort((a, b) => a.Id.CompareTo(b.Id));
        var moved = _exchanges.Sum(e => e.PredictedBytes) + (root.Site.IsCoordinator ? 0 : root.Bytes);
        return new DistributedPlan(_fragments.ToList(), _exchanges.ToList(), _joins.ToList(), id, moved, cost);
    }

    private LogicalPlan Materialize(Candidate candidate, int fragment)
    {
        switch (candidate.Shape)
        {
            case LocalShape local:
                return local.Plan;
            case UnaryShape unary:
                return unary.Template.WithInputs([Materialize(unary.Input, fragment)]);
            case SetOperationShape set:
                return set.Template.WithInputs([Materialize(set.Left, fragment), Materialize(set.Right, fragment)]);
            case JoinShape join:
                var left = Materialize(join.Left, fragment);
                var right = Materialize(join.Right, fragment);
                _joins.Add(new JoinDecision(join.Type, candidate.Site, join.Strategy, join.LeftName, join.RightName, candidate.Rows));
                return new Join(join.Type, left, right, join.Keys, join.Residual);
            case KeysShape keys:
                var input = Materialize(keys.Input, fragment);
                var items = SqlList.From(keys.Columns.Select((c, i) => new ProjectItem(c, keys.Keys[i])));
                return new Distinct(new Project(input, items), SqlList<BoundExpr>.Empty);
            case BloomBuildShape build:
                return new BloomFilterBuild(Materialize(build.Input, fragment), build.Keys, build.Size.Bits, build.Size.Hashes,
                    build.Offset, build.Chunk);
            case BloomProbeShape probe:
                return new BloomFilterProbe(Materialize(probe.Input, fragment), Materialize(probe.Filter, fragment), probe.Keys,
                    probe.Size.Bits, probe.Size.Hashes);
            case SetSketchShape sketch:
                return new SetSketchBuild(Materialize(sketch.Input, fragment), sketch.Key, sketch.Size.Cells, sketch.Offset, sketch.Chunk);
            case SetDifferenceShape difference:
                var rows = Materialize(difference.Input, fragment);
                var sketchRows = Materialize(difference.Sketch, fragment);
                var retry = Materialize(difference.Retry, fragment);
                var fallback = Materialize(difference.Fallback, fragment);
                _joins.Add(new JoinDecision(difference.Type, candidate.Site, JoinStrategy.SetReconciliation, difference.LeftName,
                    difference.RightName, candidate.Rows));
                return new SetDifferenceJoin(difference.Type, rows, sketchRows, retry, fallback, difference.Key, difference.Size.Cells);
            case ReconciledPartialShape partial:
                return new ReconciledPartial(Materialize(partial.Input, fragment), Materialize(partial.Sketch, fragment),
                    Materialize(partial.Retry, fragment), partial.Key, partial.Terms, partial.Size.Cells, partial.KeyColumn, partial.Summary);
            case ReconciledAggregateShape aggregate:
                return Reconciled(aggregate, candidate, fragment);
            case MoveShape move:
                var producer = _nextId++;
                var plan = Materialize(move.Input, producer);
                _fragments.Add(new PlanFragment(producer, move.Input.Site, plan, move.Input.Rows, move.Input.Bytes));
                _exchanges.Add(new Exchange(producer, fragment, move.Input.Site, candidate.Site, move.Kind, move.Input.Rows, move.Input.Bytes));
                return ExchangeScan.Create(producer, plan.Output);
            default:
                throw new InvalidOperationException($"unknown shape {candidate.Shape.GetType().Name}");
        }
    }

    /// <summary>The local input appears twice: read by the reconciled aggregate, and joined with the other side's rows in the fallback.</summary>
    private ReconciledAggregate Reconciled(ReconciledAggregateShape aggregate, Candidate candidate, int fragment)
    {
        var local = Materialize(aggregate.Input, fragment);
        var partial = Materialize(aggregate.Partial, fragment);
        var other = Materialize(aggregate.Fallback, fragment);
        var join = aggregate.LocalIsLeft ? aggregate.Join with { Left = local, Right = other } : aggregate.Join with { Left = other, Right = local };
        _joins.Add(new JoinDecision(JoinType.Inner, candidate.Site, JoinStrategy.SetReconciliation, aggregate.LeftName, aggregate.RightName,
            aggregate.JoinRows));
        return new ReconciledAggregate(local, partial, aggregate.Template.WithInputs([join]), aggregate.Key, aggregate.Terms, aggregate.Aggregates);
    }
}
