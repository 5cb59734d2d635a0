using Vnd.Executor.Operators.Joins;

namespace Vnd.Executor.Operators.SetReconciliation;

/// <summary>
/// What the left site knows about the other site's keys after reconciliation, enough to decide every left row of a
/// semi or anti join exactly: either the left keys the other side lacks (<see cref="OnlyHere"/>, from peeling) or,
/// after a failed peel, the other side's distinct keys themselves (<see cref="OtherKeys"/>), plus the other side's
/// row count and NULL presence for NOT IN. The fallback keys' memory is reserved against the query's budget.
/// </summary>
internal sealed class ReconciledKeys(JoinType type, SetSketchHeader other, HashSet<long>? onlyHere, HashSet<long>? otherKeys,
    Execution.MemoryBudget? memory = null, long reserved = 0) : IDisposable
{
    /// <summary>True when the difference peeled; false when the fallback keys were read.</summary>
    public bool Peeled => onlyHere is not null;

    public int OnlyHereCount => onlyHere?.Count ?? 0;

    /// <summary>NOT IN against a side with a NULL key is never true (unknown), unless that side is empty.</summary>
    public bool KeepsNothing => type == JoinType.NullAwareAnti && other.HasNull;

    /// <summary>Releases the fallback keys' reservation (the query context disposes shared state when it ends).</summary>
    public void Dispose() => memory?.Release(reserved);

    /// <summary>Whether the join outputs a left row with this key.</summary>
    public bool Keeps(bool isNull, long key)
    {
        if (type == JoinType.NullAwareAnti && other.Rows == 0)
            return true;
        if (isNull)
            return type == JoinType.Anti;
        var matched = onlyHere is not null ? !onlyHere.Contains(key) : otherKeys!.Contains(key);
        return type == JoinType.Semi ? matched : !matched;
    }
}
