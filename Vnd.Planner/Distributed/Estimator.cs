using System.Globalization;
using Vnd.Planner.Logical;
using Vnd.Planner.Types;
using Vnd.Planner.Syntax.Ast;

namespace Vnd.Planner.Distributed;

/// <summary>
/// Cardinality and size estimates from the table servers' statistics. Deliberately simple (System R style): a
/// pushed conjunct keeps a quarter of the rows (an equality on a column 1/distinct), a join on keys k1 = k2 returns
/// |L|·|R| / max(d1, d2) restricted to the overlap of the key ranges. Column origins are traced through
/// projections so a key's statistics are found however deep its scan is.
/// </summary>
public sealed class Estimator
{
    private const double ConjunctSelectivity = 0.25;
    private readonly Dictionary<ColumnId, (TablePlacement Table, string Column)> _origins = [];
    private readonly Placement _placement;

    public Estimator(LogicalPlan plan, Placement placement)
    {
        _placement = placement;
        Trace(plan);
    }

    public static double Width(SqlList<PlanColumn> columns)
    {
        double width = 0;
        foreach (var column in columns)
            width += CostModel.Width(column.Type);
        return Math.Max(width, 1);
    }

    /// <summary>Row width of <paramref name="plan"/>'s output; a table scan is capped by its stored bytes per row.</summary>
    public double RowWidth(LogicalPlan plan)
    {
        var width = Width(plan.Output);
        return plan is Scan scan && !ExchangeScan.TryGetProducer(scan, out _)
            ? Math.Max(1, Math.Min(width, _placement.Of(scan.Schema, scan.Table).Statistics.BytesPerRow))
            : width;
    }

    public double Rows(LogicalPlan plan) => plan switch
    {
        Scan s => Fetch(Table(s) * Selectivity(s.Filters, Table(s)), s.Fetch),
        Filter f => Rows(f.Input) * Selectivity([f.Predicate], Rows(f.Input)),
        Project p => Rows(p.Input),
        Aggregate a => a.Groups.Count == 0 ? 1 : Math.Min(Rows(a.Input), GroupCount(a.Groups.Select(g => g.Expr), Rows(a.Input))),
        Distinct d => Math.Min(Rows(d.Input), GroupCount(d.Input.Output.Select(c => (BoundExpr)BoundColumn.Of(c)), Rows(d.Input))),
        Sort s => Fetch(Rows(s.Input), s.Fetch),
        Limit l => Fetch(Rows(l.Input), l.Count is BoundLiteral { Value: long n } ? n : null),
        Join j => JoinRows(j.Type, Rows(j.Left), Rows(j.Right), j.Keys),
        SetOperationPlan s => Rows(s.Left) + Rows(s.Right),
        Values v => v.Rows.Count,
        SeriesScan s => SeriesRows(s),
        _ => plan.Inputs.Count == 1 ? Rows(plan.Inputs[0]) : 1,
    };

    /// <summary>A series of constants has a known length; otherwise PostgreSQL's guess for a set-returning function, 1000 rows.</summary>
    private static double SeriesRows(SeriesScan s)
    {
        if ((s.Start, s.Stop, s.Step) is not (BoundLiteral { Value: { } a }, BoundLiteral { Value: { } b }, BoundLiteral { Value: { } c }))
            return 1000;
        var step = Convert.ToDouble(c, CultureInfo.InvariantCulture);
        var span = Convert.ToDouble(b, CultureInfo.InvariantCulture) - Convert.ToDouble(a, CultureInfo.InvariantCulture);
        return step == 0 ? 0 : Math.Max(0, Math.Floor(span / step) + 1);
    }

    /// <summary>Rows of a join of inputs with <paramref name="leftRows"/> and <paramref name="rightRows"/> rows.</summary>
    public double JoinRows(JoinType type, double leftRows, double rightRows, SqlList<EquiKey> keys)
    {
        if (keys.Count == 0)
            return type is JoinType.Semi ? leftRows : type is JoinType.Anti or JoinType.NullAwareAnti ? 0 : leftRows * rightRows;
        var (matchFraction, inner) = Match(keys, leftRows, rightRows);
        return type switch
        {
            JoinType.Semi => leftRows * matchFraction,
            JoinType.Anti or JoinType.NullAwareAnti => leftRows * (1 - matchFraction),
            JoinType.Left => Math.Max(inner, leftRows),
            JoinType.Right => Math.Max(inner, rightRows),
            JoinType.Full => Math.Max(inner, leftRows + rightRows),
            _ => inner,
        };
    }

    /// <summary>
    /// For the most selective key: the fraction of left rows with a partner (semi-join selectivity) and the inner
    /// join's row count.
    /// </summary>
    public (double MatchFraction, double InnerRows) Match(SqlList<EquiKey> keys, double leftRows, double rightRows)
    {
        var best = (MatchFraction: 1.0, InnerRows: leftRows * rightRows);
        foreach (var key in keys)
        {
            var left = Key(key.Left, leftRows);
            var right = Key(key.Right, rightRows);
            var leftOverlap = left.OverlapWith(right);
            var rightOverlap = right.OverlapWith(left);
            var leftDistinct = Math.Max(1, left.Distinct * leftOverlap);
            var rightDistinct = Math.Max(1, right.Distinct * rightOverlap);
            var match = leftOverlap * Math.Min(1, rightDistinct / leftDistinct);
            var inner = leftRows * leftOverlap * rightRows * rightOverlap / Math.Max(leftDistinct, rightDistinct);
            if (inner < best.InnerRows)
                best = (match, inner);
        }
        return best;
    }

    /// <summary>Statistics of a key expression over an input of <paramref name="rows"/> rows.</summary>
    public KeyStatistics Key(BoundExpr key, double rows)
    {
        if (key is BoundCast cast)
            return Key(cast.Operand, rows);
        if (key is BoundColumn column && _origins.TryGetValue(column.Id, out var origin))
        {
            var table = origin.Table.Statistics;
            var stats = table.Column(origin.Column);
            var distinct = stats?.DistinctCount ?? table.Rows;
            return new KeyStatistics(Math.Max(1, Math.Min(distinct, rows)), stats?.Min, stats?.Max);
        }
        if (key is BoundCall { Name: "ceil" or "ceiling" or "floor" or "round" or "trunc", Arguments: [var rounded] })
            return Rounded(rounded, rows);
        return new KeyStatistics(Math.Max(1, rows), null, null);
    }

    /// <summary>
    /// A value rounded to whole units (the paper's per-second buckets, <c>ceil(ts)</c> =
    /// <c>ceil(date_part('epoch', ts))</c>) takes at most one value per unit of its range, and never more than the
    /// unrounded value's distinct count: 10M packets over 10 s are 11 groups, not 10M.
    /// </summary>
    private KeyStatistics Rounded(BoundExpr argument, double rows)
    {
        var inner = Key(argument, rows);
        var (source, unitsPerWhole) = argument switch
        {
            BoundCall { Name: "date_part", Arguments: [BoundLiteral { Value: "epoch" }, var time] } when time.Type.Id is TypeId.TimestampTz or TypeId.Timestamp =>
                (time, time.Type.Unit == TimeUnit.Nanosecond ? 1e9 : 1e6),
            BoundCast { Operand: var operand } when operand.Type.Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8 => (operand, 1.0),
            _ => (null, 0.0),
        };
        if (source is null || Key(source, rows) is not { Min: { } min, Max: { } max })
            return inner;
        // A range of d units holds floor(d) + 1 whole values, or one more when it straddles a boundary at both ends.
        var units = Math.Floor(((double)max - min) / unitsPerWhole) + 1;
        return new KeyStatistics(Math.Max(1, Math.Min(inner.Distinct, units)), null, null);
    }

    private double GroupCount(IEnumerable<BoundExpr> groups, double rows)
    {
        double count = 1;
        foreach (var group in groups)
            count *= Key(group, rows).Distinct;
        return Math.Max(1, count);
    }

    private double Table(Scan scan) =>
        ExchangeScan.TryGetProducer(scan, out _) ? 1 : _placement.Of(scan.Schema, scan.Table).Statistics.Rows;

    private double Selectivity(IEnumerable<BoundExpr> predicates, double rows)
    {
        double selectivity = 1;
        foreach (var predicate in predicates)
        {
            foreach (var conjunct in ExprWalk.SplitConjunction(predicate))
            {
                selectivity *= conjunct is BoundCall { Name: "=", Arguments: [BoundColumn c, BoundLiteral] }
                    ? 1 / Key(c, rows).Distinct
                    : ConjunctSelectivity;
            }
        }
        return selectivity;
    }

    private static double Fetch(double rows, long? fetch) => fetch is { } n ? Math.Min(rows, n) : rows;

    /// <summary>Records which table column each column id carries (scans, then renames by projections).</summary>
    private void Trace(LogicalPlan plan)
    {
        foreach (var input in plan.Inputs)
            Trace(input);
        switch (plan)
        {
            case Scan scan when !ExchangeScan.TryGetProducer(scan, out _):
                var table = _placement.Of(scan.Schema, scan.Table);
                foreach (var column in scan.Columns)
                    _origins[column.Column.Id] = (table, column.Column.Name);
                break;
            case Project project:
                foreach (var item in project.Items)
                {
                    if (item.Expr is BoundColumn source && _origins.TryGetValue(source.Id, out var origin))
                        _origins[item.Column.Id] = origin;
                }
                break;
            case Aggregate aggregate:
                foreach (var group in aggregate.Groups)
                {
                    if (group.Expr is BoundColumn source && _origins.TryGetValue(source.Id, out var origin))
                        _origins[group.Column.Id] = origin;
                }
                break;
        }
    }
}
