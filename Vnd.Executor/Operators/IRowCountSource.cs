namespace Vnd.Executor.Operators;

/// <summary>
/// A source that knows, without reading rows, exactly how many rows a scan of it with no filter returns: a
/// trace-table snapshot sums its manifest's per-segment row counts. Sources that cannot be exact (remote streams,
/// system relations built per query) do not implement it, and count(*) over them reads rows.
/// </summary>
public interface IRowCountSource : IBatchSource
{
    /// <summary>The rows every partition of a scan of this source returns together.</summary>
    long ExactRowCount();
}
