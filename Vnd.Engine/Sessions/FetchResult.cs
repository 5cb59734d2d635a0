using System.Globalization;
using Vnd.Wire.Handlers;
using Vnd.Wire.Results;

namespace Vnd.Engine.Sessions;

/// <summary>FETCH n FROM cursor: the next rows of the cursor's open query, streamed; the cursor stays open.</summary>
public sealed class FetchResult(SessionCursor cursor, long count, QueryExecution execution) : PgRowsResult
{
    private long _remaining = count;
    private WireRowEncoder? _encoder;

    public override PgRowDescription Columns => cursor.Shape.Description;

    public override ValueTask<bool> WriteRowsAsync(DataRowWriter writer, int maxRows, CancellationToken cancellationToken)
    {
        try
        {
            cursor.Query.Arm(execution.StatementTimeout);
            _encoder = QueryRowsResult.EncoderFor(_encoder, cursor.Shape, writer);
            var ask = (int)Math.Min(maxRows, _remaining);
            var before = writer.RowCount;
            var more = ask > 0 && QueryRowsResult.WriteRows(cursor.Query, _encoder, writer, ask, cancellationToken);
            _remaining -= writer.RowCount - before;
            more &= _remaining > 0;
            if (!more)
                cursor.Query.Disarm();
            return ValueTask.FromResult(more);
        }
        catch (Exception error) when (SqlErrors.IsEngineError(error) || error is OperationCanceledException)
        {
            throw execution.Failed(error);
        }
    }

    public override string CommandTag(long rowCount) => "FETCH " + rowCount.ToString(CultureInfo.InvariantCulture);
}
