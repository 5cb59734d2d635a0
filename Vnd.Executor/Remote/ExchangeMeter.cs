namespace Vnd.Executor.Remote;

/// <summary>
/// Counts one exchange read over Arrow Flight under EXPLAIN ANALYZE: the records received (rows, Arrow IPC bytes,
/// see <see cref="ArrowIpcSize"/>) and the time the reader spent waiting for them, recorded once into
/// <see cref="ExchangeActuals"/> under the producing fragment when the reader ends; the table server's trailer
/// (the exchanges its fragment read in turn) is merged when the stream completes. One reader uses it.
/// </summary>
public sealed class ExchangeMeter(int producer, ExchangeActuals actuals)
{
    private long _rows;
    private long _bytes;
    private long _batches;
    private long _ticks;
    private bool _recorded;

    public void AddTime(long stopwatchTicks) => _ticks += stopwatchTicks;

    public void AddRecord(long rows, long bytes)
    {
        _rows += rows;
        _bytes += bytes;
        _batches++;
    }

    /// <summary>The stream completed: merge the producer's own measurements (null when it sent none).</summary>
    public void Finish(string? trailer, string site)
    {
        if (trailer is not null)
            actuals.Merge(trailer, site);
    }

    public void Record()
    {
        if (_recorded)
            return;
        _recorded = true;
        actuals.Record(producer, new ExchangeActual(_rows, _bytes, _batches, System.Diagnostics.Stopwatch.GetElapsedTime(0, _ticks)));
    }
}
