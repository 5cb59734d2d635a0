namespace Vnd.Planner.Distributed;

/// <summary>
/// What a table server reports about one column: a distinct-count estimate and, for integer-like columns, the
/// value range. The range lets the planner predict how much two key columns overlap (In and Out share a packet-id
/// range; traces of different flows do not), which is what makes semi-join reduction worth it or not.
/// </summary>
public sealed record ColumnSiteStatistics(long? DistinctCount, long? Min = null, long? Max = null);
