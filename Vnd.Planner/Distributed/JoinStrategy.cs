namespace Vnd.Planner.Distributed;

/// <summary>How a join between inputs at (possibly) different sites gets its inputs together.</summary>
public enum JoinStrategy
{
    /// <summary>Both inputs are already at the join's site: nothing moves.</summary>
    Colocated,
    /// <summary>The left input moves to the right input's site.</summary>
    ShipLeft,
    /// <summary>The right input moves to the left input's site.</summary>
    ShipRight,
    /// <summary>Both inputs move to the coordinator.</summary>
    ShipBothToCoordinator,
    /// <summary>Semi-join reduction: the right side's distinct keys go to the left site, only matching left rows move on.</summary>
    ReduceLeft,
    /// <summary>Semi-join reduction of the right side by the left side's distinct keys.</summary>
    ReduceRight,
    /// <summary>Semi and anti joins: only the right side's distinct keys move to the left site.</summary>
    ShipRightKeys,
    /// <summary>
    /// Bloom-filter semi-join reduction: the right side's site builds a Bloom filter over its join keys and ships it
    /// to the left site, which keeps only rows that may match and ships them to the right site, where the exact join
    /// runs (false positives are dropped there).
    /// </summary>
    BloomReduceLeft,
    /// <summary>Bloom-filter semi-join reduction of the right side by a filter of the left side's keys.</summary>
    BloomReduceRight,
    /// <summary>
    /// Set reconciliation for semi and anti joins: the right side's site ships an invertible Bloom lookup table of its
    /// keys, sized for the difference of the two key sets rather than for either set; the left site peels out the
    /// keys it alone has and joins locally (falling back to the right side's distinct keys if peeling fails).
    /// </summary>
    SetReconciliation,
}
