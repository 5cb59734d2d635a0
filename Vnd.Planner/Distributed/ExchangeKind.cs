namespace Vnd.Planner.Distributed;

public enum ExchangeKind
{
    /// <summary>The producing fragment's rows.</summary>
    Rows,
    /// <summary>Distinct join keys only (semi-join reduction, anti/semi joins).</summary>
    DistinctKeys,
    /// <summary>A Bloom filter over join keys, as chunks of its bit array (Bloom-filter semi-join reduction).</summary>
    BloomFilter,
    /// <summary>An invertible Bloom lookup table of join keys, a header row and chunks of its cells (set reconciliation).</summary>
    SetSketch,
}
