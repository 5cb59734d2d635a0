using Vnd.Executor.Execution;
using Vnd.Executor.Operators;
using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;
using Vnd.Wire.Errors;

namespace Vnd.Engine.Sessions;

/// <summary>
/// A running query pulled batch by batch: the operator stream opens on the first pull and stays open between
/// pulls (a suspended portal, a cursor), so no result is ever collected whole. Each pull links the caller's
/// cancellation (CancelRequest, shutdown) into the query; <see cref="Arm"/> starts statement_timeout.
/// </summary>
public sealed class OpenQuery : IDisposable
{
    private readonly PhysicalOperator _plan;
    private readonly CancellationTokenSource _cancellation = new();
    private QueryContext? _context;
    private OperatorStream? _stream;
    private Batch? _batch;
    private int _position;
    private bool _armed;

    private readonly BufferRecycler? _buffers;

    /// <param name="buffers">the server's recycler of large operator buffers (null: the query keeps none)</param>
    public OpenQuery(PhysicalOperator plan, BufferRecycler? buffers = null)
    {
        _plan = plan;
        _buffers = buffers;
    }

    /// <summary>True once the stream returned its end.</summary>
    public bool Finished { get; private set; }

    /// <summary>Starts statement_timeout for this statement (no-op for zero or when already running).</summary>
    public void Arm(TimeSpan timeout)
    {
        if (timeout > TimeSpan.Zero && !_armed)
        {
            _armed = true;
            _cancellation.CancelAfter(timeout);
        }
    }

    /// <summary>Stops the timer (a FETCH finished; the cursor waits for the next one).</summary>
    public void Disarm()
    {
        if (_armed && !_cancellation.IsCancellationRequested)
            _cancellation.CancelAfter(Timeout.InfiniteTimeSpan);
        _armed = false;
    }

    /// <summary>
    /// The current batch and up to <paramref name="maxRows"/> of its remaining live rows (consumed by this call), or
    /// false at the end of the result.
    /// </summary>
    public bool TryTake(int maxRows, CancellationToken cancellation, out Batch batch, out ReadOnlySpan<int> rows)
    {
        using var link = cancellation.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _cancellation);
        try
        {
            while (!Finished)
            {
                if (_batch is not null && _position < _batch.ActiveCount)
                {
                    var live = _batch.Rows;
                    var count = Math.Min(maxRows, live.Length - _position);
                    rows = live.Slice(_position, count);
                    _position += count;
                    batch = _batch;
                    return true;
                }
                _context ??= new QueryContext(_cancellation.Token, buffers: _buffers);
                _stream ??= _plan.Open(_context);
                _context.CheckCancelled();
                _batch = _stream.Next();
                _position = 0;
                Finished = _batch is null;
            }
        }
        catch (SqlException e) when (e.SqlState == "57014" || _cancellation.IsCancellationRequested)
        {
            throw Cancelled(cancellation, e);
        }
        catch (OperationCanceledException e) when (_cancellation.IsCancellationRequested)
        {
            throw Cancelled(cancellation, e);
        }
        batch = null!;
        rows = default;
        return false;
    }

    /// <summary>The caller's own cancellation is reported by the protocol layer (57014 or 57P01); anything else was the timer.</summary>
    private static Exception Cancelled(CancellationToken caller, Exception inner) =>
        caller.IsCancellationRequested
            ? new OperationCanceledException("canceling statement due to user request", inner, caller)
            : new PgErrorException("57014", "canceling statement due to statement timeout", inner: inner);

    public void Dispose()
    {
        _stream?.Dispose();
        _context?.Dispose();
        _cancellation.Dispose();
    }
}
