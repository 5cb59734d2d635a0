namespace Vnd.Executor.Remote;

/// <summary>
/// What one exchange moved while EXPLAIN ANALYZE ran: the producing fragment's rows and Arrow IPC bytes
/// (<see cref="ArrowIpcSize"/>), and the time its consumer spent opening and reading it — the producer's run time
/// as its consumer saw it, its own inputs included.
/// </summary>
public readonly record struct ExchangeActual(long Rows, long Bytes, long Batches, TimeSpan Elapsed)
{
    public ExchangeActual Add(ExchangeActual other) =>
        new(Rows + other.Rows, Bytes + other.Bytes, Batches + other.Batches, Elapsed + other.Elapsed);
}
