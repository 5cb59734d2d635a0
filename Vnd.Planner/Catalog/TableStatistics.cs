namespace Vnd.Planner.Catalog;

/// <summary>Whole-table statistics: row count and stored size, used for join ordering and build-side choice.</summary>
public sealed record TableStatistics(long RowCount, long ByteSize);
