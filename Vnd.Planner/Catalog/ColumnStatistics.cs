namespace Vnd.Planner.Catalog;

/// <summary>
/// Optional per-column statistics a trace table can provide. Min/Max are CLR values of the column's type
/// (long for integers, DateTime ticks as long µs since the epoch for timestamps, string for inet) or null when unknown.
/// </summary>
public sealed record ColumnStatistics(object? Min, object? Max, long? NullCount, long? DistinctCount);
