namespace Vnd.Planner.Distributed;

public enum ExchangeKind
{
    /// <summary>The producing fragment's rows.</summary>
    Rows,
    /// <summary>Distinct join keys only (semi-join reduction, anti/semi joins).</summary>
    DistinctKeys,
}
