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
    /// <summary>An ordinary aggregate (sum, count, avg, min, max, ...) over the frame.</summary>
    Aggregate,
}
