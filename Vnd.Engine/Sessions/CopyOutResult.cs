using System.Text;
using Vnd.Wire.Handlers;
using Vnd.Wire.Results;

namespace Vnd.Engine.Sessions;

/// <summary>
/// COPY (query) TO STDOUT in text, CSV or binary format, streamed a batch at a time with one CopyData per row as
/// PostgreSQL sends them (psql's <c>\copy</c>, Npgsql's text and binary exports). Text: tab-separated, <c>\N</c>
/// for NULL, backslash escapes; CSV: comma-separated, empty for NULL, quoted when needed, optional header line;
/// binary: the PGCOPY header inside the first row's message, tuples as binary DataRow bodies, the -1 trailer alone.
/// </summary>
public sealed class CopyOutResult : PgCopyOutResult
{
    /// <summary>Signature "PGCOPY\n\377\r\n\0", int32 flags 0 (no OIDs), int32 header-extension length 0.</summary>
    private static ReadOnlySpan<byte> BinaryHeader =>
        [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xff, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>The int16 field count -1 that ends a binary COPY stream.</summary>
    private static ReadOnlySpan<byte> BinaryTrailer => [0xff, 0xff];

    private readonly OpenQuery _query;
    private readonly ResultShape _shape;
    private readonly CopyFormat _format;
    private readonly QueryExecution _execution;
    private readonly WireRowEncoder _encoder;
    private bool _started;

    public CopyOutResult(OpenQuery query, ResultShape shape, CopyFormat format, QueryExecution execution, TimeZoneInfo zone)
    {
        _query = query;
        _shape = shape;
        _format = format;
        _execution = execution;
        var framing = format.Binary ? RowFraming.CopyBinary : format.Csv ? RowFraming.CopyCsv : RowFraming.CopyText;
        _encoder = new WireRowEncoder(shape, [], framing, zone, format);
    }

    public override bool Binary => _format.Binary;

    public override int ColumnCount => _shape.Types.Length;

    public override ValueTask<bool> WriteAsync(CopyDataWriter writer, CancellationToken cancellationToken)
    {
        try
        {
            _query.Arm(_execution.StatementTimeout);
            if (!_started)
            {
                _started = true;
                Start(writer);
            }
            if (!_query.TryTake(Vnd.Executor.Vectors.Batch.Capacity, cancellationToken, out var batch, out var rows))
            {
                _query.Disarm();
                Finish(writer);
                return ValueTask.FromResult(false);
            }
            _encoder.Write(batch, rows, writer);
            return ValueTask.FromResult(true);
        }
        catch (Exception error) when (SqlErrors.IsEngineError(error) || error is OperationCanceledException)
        {
            throw _execution.Failed(error);
        }
    }

    /// <summary>CSV's header line in its own message; binary's header rides in front of the first row.</summary>
    private void Start(CopyDataWriter writer)
    {
        if (_format.Binary)
        {
            _encoder.PrefixFirstRow(BinaryHeader);
            return;
        }
        if (!_format.Header)
            return;
        var line = new StringBuilder();
        for (var c = 0; c < _shape.Description.Count; c++)
        {
            if (c > 0)
                line.Append((char)_format.Delimiter);
            line.Append(CsvField(_shape.Description[c].Name));
        }
        writer.Write(Encoding.UTF8.GetBytes(line.Append('\n').ToString()));
    }

    /// <summary>The binary trailer; with no rows it shares one message with the header, as in PostgreSQL.</summary>
    private void Finish(CopyDataWriter writer)
    {
        if (!_format.Binary)
            return;
        if (!_encoder.PrefixPending)
        {
            writer.Write(BinaryTrailer);
            return;
        }
        Span<byte> both = stackalloc byte[BinaryHeader.Length + BinaryTrailer.Length];
        BinaryHeader.CopyTo(both);
        BinaryTrailer.CopyTo(both[BinaryHeader.Length..]);
        writer.Write(both);
    }

    /// <summary>A column name in the CSV header, quoted like a value when it needs it.</summary>
    private string CsvField(string name)
    {
        var quote = name.Length == 0 || name.AsSpan().IndexOfAny('"', '\n', '\r') >= 0 || name.Contains((char)_format.Delimiter, StringComparison.Ordinal);
        return quote ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : name;
    }

    public override ValueTask DisposeAsync()
    {
        _query.Dispose();
        return base.DisposeAsync();
    }
}
