using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators;

/// <summary>
/// A running operator. <see cref="Next"/> returns a batch that stays valid until the next call, or null at the
/// end. Disposing releases the stream's memory reservation and its input streams.
/// </summary>
public abstract class OperatorStream : IDisposable
{
    public abstract Batch? Next();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
