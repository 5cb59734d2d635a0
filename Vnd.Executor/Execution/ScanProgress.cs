namespace Vnd.Executor.Execution;

/// <summary>
/// How far one partition of an exchange's pipeline has read its driving scan (the probe-most table scan, whose
/// batch sequence numbers the rows it passes on). An order-preserving exchange needs it to hand out a batch while
/// another partition has produced nothing yet: that partition's rows cannot come before the sequence it has reached.
/// Scans opened under the same worker for other purposes (a join's build side) are not the driver and are ignored.
/// </summary>
public sealed class ScanProgress(object driver, Action<long> advanced)
{
    /// <summary>Called by a table scan for each batch it reads.</summary>
    public void Report(object scan, long sequence)
    {
        if (ReferenceEquals(scan, driver))
            advanced(sequence);
    }
}
