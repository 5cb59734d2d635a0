namespace Vnd.Wire.Handlers;

/// <summary>The outcome of one statement; the protocol layer turns it into messages and disposes it.</summary>
public abstract class PgResult : IAsyncDisposable
{
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return default;
    }
}
