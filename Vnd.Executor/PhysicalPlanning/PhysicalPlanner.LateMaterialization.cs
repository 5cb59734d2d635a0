using Vnd.Executor.Operators;
using Vnd.Executor.Scans;
using Vnd.Planner.Distributed;
using Vnd.Planner.Logical;
using Vnd.Planner.Syntax.Ast;
using LogicalJoinType = Vnd.Planner.Logical.JoinType;

namespace Vnd.Executor.PhysicalPlanning;

public sealed partial class PhysicalPlanner
{
    /// <summary>
    /// A late-materialized probe scan: only the columns the join keys and the scan's filters read, plus each row's
    /// position; <see cref="Fetch"/> turns the join's output back into the scan's columns.
    /// </summary>
    private sealed record LateProbe(Scan Shape, PhysicalOperator Probe, Func<PhysicalOperator, PhysicalOperator> Fetch);

    /// <summary>
    /// For a semi/anti join (NOT EXISTS, NOT IN, IN/EXISTS, LEFT JOIN … IS NULL) whose probe side is a plain
    /// trace-table scan, the narrow scan when <see cref="LateMaterializationCost"/> expects it to pay: the join then
    /// keeps a small fraction of the rows, and copying every column of every row to drop most of them costs more than
    /// reading the kept rows' columns again. Only a scan in this process qualifies (never an exchange's), so a row
    /// position is always read next to the segments it names.
    /// </summary>
    private LateProbe? LateMaterialized(Join join)
    {
        if (join.Type is not (LogicalJoinType.Semi or LogicalJoinType.Anti or LogicalJoinType.NullAwareAnti) || join.Residual is not null
            || join.Keys.Count == 0 || join.Left is not Scan { Fetch: null } scan || ExchangeScan.TryGetProducer(scan, out _)
            || join.Keys[0] is not { Left: BoundColumn probeKey, Right: BoundColumn buildKey }
            || BuildOrigin(join.Right, buildKey.Id, 0) is not { } origin)
            return null;
        var needed = new HashSet<ColumnId>();
        foreach (var key in join.Keys)
            ExprWalk.AddColumns(key.Left, needed);
        foreach (var filter in scan.Filters)
            ExprWalk.AddColumns(filter, needed);
        var narrow = new List<ScanColumn>();
        var probeOrdinal = -1;
        foreach (var column in scan.Columns)
        {
            if (needed.Contains(column.Column.Id))
                narrow.Add(column);
            if (column.Column.Id == probeKey.Id)
                probeOrdinal = column.Ordinal;
        }
        if (narrow.Count == scan.Columns.Count || probeOrdinal < 0
            || Resolve(scan) is not TraceTableBatchSource source || Resolve(origin.Scan) is not TraceTableBatchSource build)
            return null;
        var kept = LateMaterializationCost.KeptFraction(source.Table, probeOrdinal, build.Table, origin.Ordinal, origin.Filters,
            semi: join.Type == LogicalJoinType.Semi);
        if (kept is not { } fraction
            || !LateMaterializationCost.Pays(source.Table, [.. narrow.Select(c => c.Ordinal)], [.. scan.Columns.Select(c => c.Ordinal)], fraction))
            return null;
        var positioned = source.WithRowPositions();
        var shape = scan with { Columns = SqlList.From(narrow) };
        var probe = PlanScan(shape, positioned, positioned.RowPositionColumn);
        if (Analysis is not null)
        {
            probe = Analysis.Wrap(scan, probe);
            Analysis.Note(join, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"late materialization: scan [{string.Join(", ", narrow.Select(c => c.Column.Name))}] + row position, fetch the other {scan.Columns.Count - narrow.Count} columns for an estimated {fraction:P1} of rows"));
        }
        var inputColumns = new int[scan.Columns.Count];
        var tableColumns = new int[scan.Columns.Count];
        for (var i = 0; i < inputColumns.Length; i++)
        {
            inputColumns[i] = narrow.IndexOf(scan.Columns[i]);
            tableColumns[i] = scan.Columns[i].Ordinal;
        }
        return new LateProbe(shape, probe, joined => new RowPositionFetchOperator(joined, narrow.Count, positioned, inputColumns, tableColumns));
    }

    /// <summary>The trace-table scan and column a build-side key reads, through renames and filters (counted: each
    /// keeps fewer keys), or null when the key is computed or comes from anything else.</summary>
    private static (Scan Scan, int Ordinal, int Filters)? BuildOrigin(LogicalPlan plan, ColumnId id, int filters)
    {
        switch (plan)
        {
            case Scan scan when !ExchangeScan.TryGetProducer(scan, out _) && scan.Fetch is null:
                foreach (var column in scan.Columns)
                {
                    if (column.Column.Id == id)
                        return (scan, column.Ordinal, filters + scan.Filters.Count);
                }
                return null;
            case Filter filter:
                return BuildOrigin(filter.Input, id, filters + 1);
            case Distinct { On.Count: 0 } distinct:
                return BuildOrigin(distinct.Input, id, filters);
            case Project project:
                foreach (var item in project.Items)
                {
                    if (item.Column.Id == id)
                        return item.Expr is BoundColumn renamed ? BuildOrigin(project.Input, renamed.Id, filters) : null;
                }
                return null;
            default:
                return null;
        }
    }
}
