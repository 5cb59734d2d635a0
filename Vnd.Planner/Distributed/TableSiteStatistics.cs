namespace Vnd.Planner.Distributed;

/// <summary>A trace table's size as its table server reports it: rows, stored bytes per row, per-column statistics.</summary>
public sealed record TableSiteStatistics(long Rows, double BytesPerRow, IReadOnlyDictionary<string, ColumnSiteStatistics> Columns)
{
    public ColumnSiteStatistics? Column(string name) => Columns.GetValueOrDefault(name);
}
