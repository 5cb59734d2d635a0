using System.Text;
using Vnd.Wire.Handlers;
using Vnd.Wire.Results;

namespace Vnd.Engine.Sessions;

/// <summary>
/// COPY (query) TO STDOUT in text or CSV format, streamed a batch at a time with one CopyData per row (psql's
/// <c>\copy</c>, Npgsql's text export). Text: tab-separated, <c>\N</c> for NULL, backslash escapes; CSV:
/// comma-separated, empty for NULL, quoted when needed, optional header line.
/// </summary>
public sealed class CopyOutResult : PgCopyOutResult
{
    private readonly OpenQuery _query;
    private readonly ResultShape _shape;
    private readonly CopyFormat _format;
    private readonly QueryExecution _execution;
    private readonly TimeZoneInfo _zone;
    private byte[] _value = new byte[256];
    private byte[] _row = new byte[1024];
    private int _length;
    private bool _headerSent;

    public CopyOutResult(OpenQuery query, ResultShape shape, CopyFormat format, QueryExecution execution, TimeZoneInfo zone)
    {
        _query = query;
        _shape = shape;
        _format = format;
        _execution = execution;
        _zone = zone;
    }

    public override bool Binary => false;

    public override int ColumnCount => _shape.Types.Length;

    public override ValueTask<bool> WriteAsync(CopyDataWriter writer, CancellationToken cancellationToken)
    {
        try
        {
            _query.Arm(_execution.StatementTimeout);
            if (_format.Header && !_headerSent)
            {
                _headerSent = true;
                WriteHeader(writer);
            }
            if (!_query.TryTake(Vnd.Executor.Vectors.Batch.Capacity, cancellationToken, out var batch, out var rows))
            {
                _query.Disarm();
                return ValueTask.FromResult(false);
            }
            foreach (var row in rows)
            {
                _length = 0;
                for (var c = 0; c < _shape.Kinds.Length; c++)
                {
                    if (c > 0)
                        Append(_format.Delimiter);
                    var vector = batch[c];
                    if (vector.IsNull(row))
                        AppendRaw(_format.Null);
                    else
                        AppendValue(VectorTextFormatter.Format(vector, row, _shape.Kinds[c], _shape.Cidr[c], _zone, ref _value));
                }
                Append((byte)'\n');
                writer.WriteRow(_row.AsSpan(0, _length));
            }
            return ValueTask.FromResult(true);
        }
        catch (Exception error) when (SqlErrors.IsEngineError(error) || error is OperationCanceledException)
        {
            throw _execution.Failed(error);
        }
    }

    private void WriteHeader(CopyDataWriter writer)
    {
        _length = 0;
        for (var c = 0; c < _shape.Description.Count; c++)
        {
            if (c > 0)
                Append(_format.Delimiter);
            var name = Encoding.UTF8.GetBytes(_shape.Description[c].Name);
            name.CopyTo(_value, 0);
            AppendValue(name.Length);
        }
        Append((byte)'\n');
        writer.Write(_row.AsSpan(0, _length));
    }

    /// <summary>Appends the formatted value in <see cref="_value"/>, escaped (text) or quoted when needed (CSV).</summary>
    private void AppendValue(int length)
    {
        var value = _value.AsSpan(0, length);
        if (_format.Csv)
        {
            var quote = length == 0 || value.IndexOfAny((byte)'"', (byte)'\n', (byte)'\r') >= 0 || value.IndexOf(_format.Delimiter) >= 0;
            if (!quote)
            {
                AppendRaw(value);
                return;
            }
            Append((byte)'"');
            foreach (var b in value)
            {
                if (b == '"')
                    Append((byte)'"');
                Append(b);
            }
            Append((byte)'"');
            return;
        }
        foreach (var b in value)
        {
            var escape = b switch
            {
                (byte)'\\' => (byte)'\\',
                (byte)'\n' => (byte)'n',
                (byte)'\r' => (byte)'r',
                (byte)'\t' => (byte)'t',
                (byte)'\b' => (byte)'b',
                (byte)'\f' => (byte)'f',
                (byte)'\v' => (byte)'v',
                _ => b == _format.Delimiter ? b : (byte)0,
            };
            if (escape != 0)
            {
                Append((byte)'\\');
                Append(escape);
            }
            else
            {
                Append(b);
            }
        }
    }

    private void AppendRaw(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_row.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Append(byte b)
    {
        Reserve(1);
        _row[_length++] = b;
    }

    private void Reserve(int count)
    {
        if (_length + count > _row.Length)
            Array.Resize(ref _row, Math.Max(_row.Length * 2, _length + count));
    }

    public override ValueTask DisposeAsync()
    {
        _query.Dispose();
        return base.DisposeAsync();
    }
}
