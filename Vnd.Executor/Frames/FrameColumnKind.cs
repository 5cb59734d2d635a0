namespace Vnd.Executor.Frames;

/// <summary>How a result column is copied into its DataFrame column (chosen once per column, not per value).</summary>
internal enum FrameColumnKind
{
    Boolean,
    Int16,
    Int32,
    Int64,
    Double,
    Decimal,
    Timestamp,
    Date,
    Interval,
    Time,
    Utf8,
    Formatted,
}
