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
    private PgRowDescription? _formatsOf;
    private bool[] _binary = [];

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
            var more = WriteRows(_query, _shape, Formats(writer), writer, maxRows, cancellationToken);
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
    public static bool WriteRows(OpenQuery query, ResultShape shape, bool[] binary, DataRowWriter writer, int maxRows, CancellationToken cancellationToken)
    {
        var written = 0;
        while (written < maxRows)
        {
            if (!query.TryTake(maxRows - written, cancellationToken, out var batch, out var rows))
                return false;
            VectorRowWriter.WriteRows(writer, batch, rows, shape.Kinds, binary, shape.Cidr);
            written += rows.Length;
        }
        return true;
    }

    /// <summary>Per-column binary flags of the formats Bind chose (recomputed only when the description changes).</summary>
    private bool[] Formats(DataRowWriter writer)
    {
        if (!ReferenceEquals(_formatsOf, writer.Description))
        {
            _formatsOf = writer.Description;
            _binary = BinaryFlags(_formatsOf);
        }
        return _binary;
    }

    public static bool[] BinaryFlags(PgRowDescription description)
    {
        var binary = new bool[description.Count];
        for (var c = 0; c < binary.Length; c++)
            binary[c] = description[c].Format == PgFormat.Binary;
        return binary;
    }

    public override ValueTask DisposeAsync()
    {
        _query.Dispose();
        return base.DisposeAsync();
    }
}
