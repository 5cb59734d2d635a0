using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators;

/// <summary>
/// A running operator. <see cref="Next"/> returns a batch that stays valid until the next call, or null at the
/// end. Disposing releases the stream's memory reservation and its input streams.
/// </summary>
public abstract class OperatorStream : IDisposable
{
    public abstract Batch? Next();

    /// <summary>
    /// Gives <paramref name="batch"/>, the one the last <see cref="Next"/> returned, to the caller for good and takes
    /// <paramref name="replacement"/> (a batch of the same column types and full <see cref="Batch.Capacity"/>) to
    /// write its next batches into; false (nothing changes hands) unless the stream owns the batch outright. An
    /// exchange uses it to queue a scan's batch for its consumer instead of copying it, keeping the batch until the
    /// consumer is done with it.
    /// </summary>
    public virtual bool TryHandOver(Batch batch, Batch replacement) => false;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
