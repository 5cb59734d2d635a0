namespace Vnd.Executor.Operators.Windows;

public enum WindowKind : byte
{
    RowNumber,
    Rank,
    DenseRank,
    Lag,
    Lead,
    FirstValue,
    LastValue,
    /// <summary>nth_value(x, n): x at the frame's n-th row (n is <see cref="WindowCall.Offset"/>).</summary>
    NthValue,
    /// <summary>ntile(n): bucket 1..n of the row; n is the argument, read at the partition's first row.</summary>
    Ntile,
    PercentRank,
    CumeDist,
    /// <summary>An ordinary aggregate (sum, count, avg, min, max, ...) over the frame.</summary>
    Aggregate,
}
