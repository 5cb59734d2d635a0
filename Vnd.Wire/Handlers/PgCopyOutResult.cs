using Vnd.Wire.Results;

namespace Vnd.Wire.Handlers;

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
