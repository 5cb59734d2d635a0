using Vnd.Wire.Handlers;
using Vnd.Wire.Results;
using Vnd.Wire.Types;

namespace Vnd.Engine.Sessions;

/// <summary>
/// A SELECT's rows streamed to the client: each Execute (or slice of a simple query) pulls batches from the open
/// query and writes at most the rows asked for; a portal suspended by max rows keeps the stream open. Errors are
/// reported through the session, which marks a transaction block failed.
/// </summary>
public sealed class QueryRowsResult : PgRowsResult
{
    private readonly OpenQuery _query;
    private readonly ResultShape _shape;
    private readonly QueryExecution _execution;
    private WireRowEncoder? _encoder;

    public QueryRowsResult(OpenQuery query, ResultShape shape, QueryExecution execution)
    {
        _query = query;
        _shape = shape;
        _execution = execution;
    }

    public override PgRowDescription Columns => _shape.Description;

    public override ValueTask<bool> WriteRowsAsync(DataRowWriter writer, int maxRows, CancellationToken cancellationToken)
    {
        try
        {
            _query.Arm(_execution.StatementTimeout);
            _encoder = EncoderFor(_encoder, _shape, writer);
            var more = WriteRows(_query, _encoder, writer, maxRows, cancellationToken);
            if (!more)
                _query.Disarm();
            return ValueTask.FromResult(more);
        }
        catch (Exception error) when (SqlErrors.IsEngineError(error) || error is OperationCanceledException)
        {
            throw _execution.Failed(error);
        }
    }

    /// <summary>Writes up to <paramref name="maxRows"/> rows; false once the query has no more.</summary>
    public static bool WriteRows(OpenQuery query, WireRowEncoder encoder, DataRowWriter writer, int maxRows, CancellationToken cancellationToken)
    {
        var written = 0;
        while (written < maxRows)
        {
            if (!query.TryTake(maxRows - written, cancellationToken, out var batch, out var rows))
                return false;
            encoder.Write(batch, rows, writer);
            written += rows.Length;
        }
        return true;
    }

    /// <summary>
    /// The encoder for the formats Bind chose and the session's time zone: <paramref name="current"/> while both
    /// are unchanged (a portal resumed by Execute), else a new one.
    /// </summary>
    public static WireRowEncoder EncoderFor(WireRowEncoder? current, ResultShape shape, DataRowWriter writer)
    {
        if (current is not null && ReferenceEquals(current.Formats, writer.Description) && ReferenceEquals(current.Zone, writer.TimeZone))
            return current;
        var description = writer.Description;
        var binary = new bool[description.Count];
        for (var c = 0; c < binary.Length; c++)
            binary[c] = description[c].Format == PgFormat.Binary;
        return new WireRowEncoder(shape, binary, RowFraming.DataRow, writer.TimeZone) { Formats = description };
    }

    public override ValueTask DisposeAsync()
    {
        _query.Dispose();
        return base.DisposeAsync();
    }
}
