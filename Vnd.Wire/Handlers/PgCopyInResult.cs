using System.Buffers;

namespace Vnd.Wire.Handlers;

/// <summary>COPY ... FROM STDIN: CopyData payloads are handed to the engine as they arrive.</summary>
public abstract class PgCopyInResult : PgResult
{
    public abstract bool Binary { get; }

    public abstract int ColumnCount { get; }

    /// <summary>One CopyData payload (valid only during the call).</summary>
    public abstract ValueTask ReceiveAsync(ReadOnlySequence<byte> data, CancellationToken cancellationToken);

    /// <summary>CopyDone: finish and return the CommandComplete tag ("COPY n").</summary>
    public abstract ValueTask<string> CompleteAsync(CancellationToken cancellationToken);

    /// <summary>CopyFail from the client (or an aborted copy): discard what was received.</summary>
    public abstract ValueTask FailAsync(string reason);
}
