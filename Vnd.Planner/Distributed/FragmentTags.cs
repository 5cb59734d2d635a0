namespace Vnd.Planner.Distributed;

/// <summary>The byte tags of the fragment encoding (version <see cref="FragmentCodec.Version"/>). Append only.</summary>
internal static class FragmentTags
{
    public enum Plan : byte
    {
        Scan = 1,
        Filter = 2,
        Project = 3,
        Aggregate = 4,
        Join = 5,
        Sort = 6,
        Limit = 7,
        Distinct = 8,
        Values = 9,
        SetOperation = 10,
        Series = 11,
        BloomFilterBuild = 12,
        BloomFilterProbe = 13,
        SetSketchBuild = 14,
        SetDifferenceJoin = 15,
        ReconciledPartial = 16,
        ReconciledAggregate = 17,
    }

    public enum Expr : byte
    {
        Absent = 0,
        Column = 1,
        Literal = 2,
        Parameter = 3,
        Call = 4,
        Cast = 5,
        Case = 6,
        InList = 7,
        Is = 8,
        Aggregate = 9,
    }

    public enum Value : byte
    {
        Null = 0,
        Bool = 1,
        Int16 = 2,
        Int32 = 3,
        Int64 = 4,
        Decimal = 5,
        Double = 6,
        String = 7,
    }
}
