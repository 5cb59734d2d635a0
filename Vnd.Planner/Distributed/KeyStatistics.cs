namespace Vnd.Planner.Distributed;

/// <summary>A join key's distinct-count estimate and, when known, its integer value range.</summary>
public readonly record struct KeyStatistics(double Distinct, long? Min, long? Max)
{
    /// <summary>
    /// The fraction of this key's range that <paramref name="other"/>'s range covers (uniform values assumed);
    /// 1 when either range is unknown.
    /// </summary>
    public double OverlapWith(KeyStatistics other)
    {
        if (Min is not { } min || Max is not { } max || other.Min is not { } otherMin || other.Max is not { } otherMax)
            return 1;
        var low = Math.Max(min, otherMin);
        var high = Math.Min(max, otherMax);
        if (high < low)
            return 0;
        return ((double)high - low + 1) / ((double)max - min + 1);
    }
}
