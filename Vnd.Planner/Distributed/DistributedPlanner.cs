using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Distributed;

/// <summary>
/// Splits an optimized logical plan over the sites that hold its tables. A subtree whose tables all live at one
/// site runs there whole — filters, projections, aggregates, top-N — so single-table work never crosses the
/// network. Above that, each node gets candidate plans per site (<see cref="Candidate"/>): inner-join regions are
/// ordered and placed by <see cref="JoinEnumerator"/>, other joins and set operations by <see cref="JoinCombiner"/>,
/// unary nodes run where their input is. The cheapest root (counting the delivery of the result to the coordinator)
/// becomes the <see cref="DistributedPlan"/>. <paramref name="joins"/> restricts the strategies of joins across
/// sites (<c>vnd.join_strategy</c>).
/// </summary>
public sealed class DistributedPlanner(Placement placement, CostModel? model = null, JoinStrategyChoice joins = JoinStrategyChoice.Auto)
{
    private readonly CostModel _model = model ?? CostModel.Default;

    public DistributedPlan Plan(LogicalPlan plan)
    {
        plan = new UnionPushdown(node => SitesOf(node, placement).Count, new ColumnIdAllocator(plan)).Rewrite(plan);
        var session = new Session(plan, placement, _model, joins);
        var root = session.Candidates(plan).Values.MinBy(Total)!;
        return new FragmentBuilder().Build(root, Total(root));
    }

    /// <summary>
    /// The join-order search space of the inner-join region rooted at <paramref name="region"/> inside
    /// <paramref name="plan"/> (for checking the enumerator and, later, for EXPLAIN of the alternatives).
    /// </summary>
    public JoinSpace JoinSpaceOf(LogicalPlan plan, Join region) =>
        new Session(plan, placement, _model, joins).Space(JoinRegion.Extract(region));

    /// <summary>The sites of the tables <paramref name="node"/> reads.</summary>
    private static HashSet<Site> SitesOf(LogicalPlan node, Placement placement)
    {
        var sites = new HashSet<Site>();
        PlanWalk.Visit(node, n =>
        {
            if (n is Scan scan && !ExchangeScan.TryGetProducer(scan, out _))
                sites.Add(placement.Of(scan.Schema, scan.Table).Site);
        });
        return sites;
    }

    /// <summary>Cost including shipping the result to the coordinator, which every plan ends with.</summary>
    private static double Total(Candidate root) => root.Cost + (root.Site.IsCoordinator ? 0 : root.Bytes);

    /// <summary>The state of planning one statement.</summary>
    private sealed class Session(LogicalPlan plan, Placement placement, CostModel model, JoinStrategyChoice joins)
    {
        private readonly Estimator _estimator = new(plan, placement);
        private JoinCombiner? _combiner;

        private JoinCombiner Combiner => _combiner ??= new JoinCombiner(_estimator, model, new ColumnIdAllocator(plan), joins);

        public IReadOnlyDictionary<Site, Candidate> Candidates(LogicalPlan node)
        {
            var sites = Sites(node);
            if (sites.Count <= 1)
            {
                var site = sites.Count == 1 ? sites.First() : Site.Coordinator;
                return new Dictionary<Site, Candidate>
                {
                    [site] = new(site, 0, _estimator.Rows(node), _estimator.RowWidth(node), new LocalShape(node)),
                };
            }
            return node switch
            {
                Join join when JoinRegion.IsReorderable(join) => Region(JoinRegion.Extract(join)),
                Join join => Binary(join, join.Left, join.Right),
                SetOperationPlan set => Binary(set, set.Left, set.Right),
                UnaryPlan unary => Unary(unary),
                _ => throw new InvalidOperationException($"cannot distribute plan node {node.GetType().Name}"),
            };
        }

        private Dictionary<Site, Candidate> Unary(UnaryPlan node)
        {
            var result = new Dictionary<Site, Candidate>();
            var rows = _estimator.Rows(node);
            var width = _estimator.RowWidth(node);
            foreach (var input in Candidates(node.Input).Values)
            {
                var cost = input.Cost + model.CpuBytesPerRow * input.Rows;
                JoinSpace.KeepBest(result, [new Candidate(input.Site, cost, rows, width, new UnaryShape(node, input))]);
            }
            if (node is Aggregate { Input: Join join } aggregate && Reconciled(aggregate, join, rows, width) is { Count: > 0 } reconciled)
            {
                // Forcing set reconciliation keeps only its plans; forcing another family keeps it out.
                if (joins == JoinStrategyChoice.SetReconciliation)
                    result.Clear();
                if (joins is JoinStrategyChoice.Auto or JoinStrategyChoice.SetReconciliation)
                    JoinSpace.KeepBest(result, reconciled);
            }
            return result;
        }

        /// <summary>The aggregate decomposed over a join of two single-site inputs (<see cref="ReconciledAggregation"/>).</summary>
        private List<Candidate> Reconciled(Aggregate aggregate, Join join, double rows, double width)
        {
            if (Sites(join.Left).Count != 1 || Sites(join.Right).Count != 1)
                return [];
            var left = Candidates(join.Left).Values.Single();
            var right = Candidates(join.Right).Values.Single();
            return Combiner.Aggregation.Candidates(aggregate, join, new(left, Name(join.Left)), new(right, Name(join.Right)), rows, width);
        }

        private Dictionary<Site, Candidate> Binary(LogicalPlan node, LogicalPlan left, LogicalPlan right)
        {
            var result = new Dictionary<Site, Candidate>();
            var rows = _estimator.Rows(node);
            var width = _estimator.RowWidth(node);
            var (leftName, rightName) = (Name(left), Name(right));
            foreach (var l in Candidates(left).Values)
            {
                foreach (var r in Candidates(right).Values)
                {
                    if (node is Join join)
                    {
                        JoinSpace.KeepBest(result, Combiner.Combine(join.Type, new(l, leftName), new(r, rightName), join.Keys, join.Residual, rows, width));
                        continue;
                    }
                    foreach (var target in (Site[])[l.Site, r.Site, Site.Coordinator])
                    {
                        var (ml, mr) = (Combiner.Move(l, target, ExchangeKind.Rows), Combiner.Move(r, target, ExchangeKind.Rows));
                        var cost = ml.Cost + mr.Cost + model.CpuBytesPerRow * (l.Rows + r.Rows);
                        JoinSpace.KeepBest(result, [new Candidate(target, cost, rows, width, new SetOperationShape((SetOperationPlan)node, ml, mr))]);
                    }
                }
            }
            return result;
        }

        public JoinSpace Space(JoinRegion region)
        {
            var leaves = region.Leaves.Select(leaf => (IReadOnlyList<Candidate>)Candidates(leaf).Values.ToList()).ToList();
            return new JoinSpace(region, leaves, region.Leaves.Select(Name).ToList(), _estimator, Combiner);
        }

        private IReadOnlyDictionary<Site, Candidate> Region(JoinRegion region)
        {
            var joined = new JoinEnumerator(Space(region), model).Enumerate();
            // Reordering changes the column order and defers residuals: restore both on top, where the region ran.
            var residual = ExprWalk.Conjoin(region.Residuals);
            var restore = new Project(region.Root, SqlList.From(region.Root.Output.Select(c => new ProjectItem(c, BoundColumn.Of(c)))));
            var result = new Dictionary<Site, Candidate>();
            foreach (var candidate in joined.Values)
            {
                var top = candidate;
                if (residual is not null)
                    top = top with { Shape = new UnaryShape(new Filter(region.Root, residual), top) };
                result[top.Site] = top with { Shape = new UnaryShape(restore, top) };
            }
            return result;
        }

        private HashSet<Site> Sites(LogicalPlan node) => SitesOf(node, placement);

        private static string Name(LogicalPlan node)
        {
            var tables = new List<string>();
            PlanWalk.Visit(node, n =>
            {
                if (n is Scan scan)
                    tables.Add(scan.Table);
            });
            return string.Join("+", tables);
        }
    }
}
