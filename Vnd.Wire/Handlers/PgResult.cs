using System.Buffers;
using Vnd.Wire.Results;

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

/// <summary>A statement without rows: CommandComplete with this tag ("BEGIN", "SET", "INSERT 0 1").</summary>
public sealed class PgCommandResult(string tag) : PgResult
{
    public string Tag { get; } = tag;
}

/// <summary>The query string held no statement: EmptyQueryResponse.</summary>
public sealed class PgEmptyQueryResult : PgResult
{
}

/// <summary>
/// Rows streamed by the engine. Execute pulls them in slices: each call writes at most maxRows rows through the
/// writer (typed Write calls, no boxing) — a batch of the engine's vectors fits naturally.
/// </summary>
public abstract class PgRowsResult : PgResult
{
    public abstract PgRowDescription Columns { get; }

    /// <summary>Writes up to <paramref name="maxRows"/> rows; returns false once no rows remain.</summary>
    public abstract ValueTask<bool> WriteRowsAsync(DataRowWriter writer, int maxRows, CancellationToken cancellationToken);

    /// <summary>CommandComplete tag once all rows are sent.</summary>
    public virtual string CommandTag(long rowCount) => "SELECT " + rowCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// COPY ... TO STDOUT: the engine writes the text, CSV or binary COPY stream as CopyData, one row per message.
/// In binary format the PGCOPY header must share the first row's message and the -1 trailer gets its own, as
/// PostgreSQL sends them: Npgsql's binary exporter reads the stream by message boundaries.
/// </summary>
public abstract class PgCopyOutResult : PgResult
{
    public abstract bool Binary { get; }

    public abstract int ColumnCount { get; }

    /// <summary>Writes the next part of the stream; returns false when it is complete.</summary>
    public abstract ValueTask<bool> WriteAsync(CopyDataWriter writer, CancellationToken cancellationToken);

    public virtual string CommandTag(long rowCount) => "COPY " + rowCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

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
