using Vnd.Executor.Operators;
using Vnd.Planner.Logical;
using Vnd.Planner.Types;

namespace Vnd.Executor.PhysicalPlanning;

/// <summary>
/// <c>SELECT count(*) FROM t</c> (no WHERE, no GROUP BY; several count(*) alike) answered from the row count the
/// table's source knows exactly (<see cref="IRowCountSource"/>: a trace table's manifest) instead of reading a
/// column of every segment. The count is of the very source — the snapshot — the scan would have read, and that
/// snapshot is shared with the rest of the plan (<see cref="SharedSnapshots"/>). Temp tables, system relations and
/// remote streams are not such sources and are scanned; so are scans with filters or a pushed-down limit.
/// </summary>
internal static class RowCountShortcut
{
    /// <summary>The scan whose row count would answer <paramref name="aggregate"/>, or null.</summary>
    public static Scan? CountedScan(Aggregate aggregate)
    {
        if (aggregate.Groups.Count > 0 || aggregate.Aggregates.Count == 0)
            return null;
        foreach (var item in aggregate.Aggregates)
        {
            if (item.Call is not { Name: "count", Arguments.Count: 0, Distinct: false, Filter: null })
                return null;
        }
        var input = aggregate.Input;
        // A projection neither adds nor drops rows.
        while (input is Project project)
            input = project.Input;
        return input is Scan { Filters.Count: 0, Fetch: null } scan ? scan : null;
    }

    /// <summary>One row holding the count in each of the aggregate's columns.</summary>
    public static PhysicalOperator Plan(Aggregate aggregate, Scan scan, IRowCountSource source)
    {
        var count = source.ExactRowCount();
        var columns = aggregate.Aggregates.Count;
        var types = new SqlType[columns];
        var names = new string[columns];
        var values = new object?[columns];
        for (var c = 0; c < columns; c++)
        {
            types[c] = SqlType.Int8;
            names[c] = aggregate.Aggregates[c].Column.Name;
            values[c] = count;
        }
        var row = new InMemoryTable(types, names);
        row.AppendRow(values);
        return new TableScanOperator(row, null, $"{scan.Schema}.{scan.Table} row count");
    }
}
