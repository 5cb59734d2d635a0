using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Text;

namespace Vnd.Wire.Protocol.Backend;

/// <summary>
/// Writes server messages straight into the connection's <see cref="PipeWriter"/>. Each method computes the exact
/// message length first (one commented term per field), takes one span and advances once; nothing is sent until
/// <see cref="FlushAsync"/>, which the connection calls once per batch (Sync, end of a simple Query, Flush).
/// </summary>
public sealed partial class BackendWriter
{
    private readonly PipeWriter _output;

    public BackendWriter(PipeWriter output) => _output = output;

    /// <summary>Bytes written since the last flush (used to flush large results in slices).</summary>
    public long UnflushedBytes => _output.CanGetUnflushedBytes ? _output.UnflushedBytes : 0;

    public ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) =>
        _output.FlushAsync(cancellationToken);

    /// <summary>Room for already framed messages written in place (see <see cref="Results.IFramedOutput"/>).</summary>
    public Span<byte> GetSpan(int sizeHint) => _output.GetSpan(sizeHint);

    /// <summary>Commits bytes written into the span of <see cref="GetSpan"/>.</summary>
    public void Advance(int bytes) => _output.Advance(bytes);

    /// <summary>Copies an already framed message (a DataRow built by the row writer).</summary>
    public void WriteRaw(ReadOnlySpan<byte> message) => _output.Write(message);

    /// <summary>The single-byte answer to SSLRequest / GSSENCRequest ('S' or 'N').</summary>
    public void WriteByte(byte value)
    {
        _output.GetSpan(1)[0] = value;
        _output.Advance(1);
    }

    /// <summary>A message without body: ParseComplete, BindComplete, NoData, EmptyQueryResponse, ...</summary>
    public void WriteEmpty(BackendMessageCode code)
    {
        Begin(code, 0);
        _output.Advance(5);
    }

    public void WriteAuthentication(AuthenticationCode code, ReadOnlySpan<byte> data = default)
    {
        var length = 4 /* int32 code */ + data.Length;
        var span = Begin(BackendMessageCode.Authentication, length);
        BinaryPrimitives.WriteInt32BigEndian(span[5..], (int)code);
        data.CopyTo(span[9..]);
        _output.Advance(5 + length);
    }

    public void WriteParameterStatus(string name, string value)
    {
        var length = CStringLength(name) + CStringLength(value);
        var span = Begin(BackendMessageCode.ParameterStatus, length);
        var at = 5 + WriteCString(name, span[5..]);
        WriteCString(value, span[at..]);
        _output.Advance(5 + length);
    }

    public void WriteBackendKeyData(int processId, int secretKey)
    {
        var span = Begin(BackendMessageCode.BackendKeyData, 4 /* pid */ + 4 /* key */);
        BinaryPrimitives.WriteInt32BigEndian(span[5..], processId);
        BinaryPrimitives.WriteInt32BigEndian(span[9..], secretKey);
        _output.Advance(13);
    }

    public void WriteReadyForQuery(PgTransactionStatus status)
    {
        var span = Begin(BackendMessageCode.ReadyForQuery, 1 /* status byte */);
        span[5] = (byte)status;
        _output.Advance(6);
    }

    public void WriteCommandComplete(string tag)
    {
        var length = CStringLength(tag);
        var span = Begin(BackendMessageCode.CommandComplete, length);
        WriteCString(tag, span[5..]);
        _output.Advance(5 + length);
    }

    public void WriteParameterDescription(ReadOnlySpan<uint> types)
    {
        var length = 2 /* int16 count */ + (4 * types.Length) /* int32 oid each */;
        var span = Begin(BackendMessageCode.ParameterDescription, length);
        BinaryPrimitives.WriteInt16BigEndian(span[5..], (short)types.Length);
        for (var i = 0; i < types.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span[(7 + (4 * i))..], types[i]);
        }

        _output.Advance(5 + length);
    }

    /// <summary>CopyInResponse / CopyOutResponse: overall format (0 text, 1 binary) and one format per column.</summary>
    public void WriteCopyResponse(BackendMessageCode code, bool binary, int columnCount)
    {
        var length = 1 /* format */ + 2 /* int16 columns */ + (2 * columnCount) /* int16 format each */;
        var span = Begin(code, length);
        span[5] = binary ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt16BigEndian(span[6..], (short)columnCount);
        for (var i = 0; i < columnCount; i++)
        {
            BinaryPrimitives.WriteInt16BigEndian(span[(8 + (2 * i))..], binary ? (short)1 : (short)0);
        }

        _output.Advance(5 + length);
    }

    public void WriteCopyData(ReadOnlySpan<byte> data)
    {
        var span = Begin(BackendMessageCode.CopyData, data.Length);
        data.CopyTo(span[5..]);
        _output.Advance(5 + data.Length);
    }

    /// <summary>NegotiateProtocolVersion: newest minor version we support and the options we did not recognise.</summary>
    public void WriteNegotiateProtocolVersion(int newestMinor, IReadOnlyList<string> unrecognised)
    {
        var length = 4 /* minor */ + 4 /* count */;
        for (var i = 0; i < unrecognised.Count; i++)
        {
            length += CStringLength(unrecognised[i]);
        }

        var span = Begin(BackendMessageCode.NegotiateProtocolVersion, length);
        BinaryPrimitives.WriteInt32BigEndian(span[5..], newestMinor);
        BinaryPrimitives.WriteInt32BigEndian(span[9..], unrecognised.Count);
        var at = 13;
        for (var i = 0; i < unrecognised.Count; i++)
        {
            at += WriteCString(unrecognised[i], span[at..]);
        }

        _output.Advance(5 + length);
    }

    /// <summary>Takes a span for tag + length + body and fills in the header (length counts itself).</summary>
    private Span<byte> Begin(BackendMessageCode code, int bodyLength)
    {
        var span = _output.GetSpan(5 + bodyLength);
        span[0] = (byte)code;
        BinaryPrimitives.WriteInt32BigEndian(span[1..], 4 + bodyLength);
        return span;
    }

    private static int CStringLength(string value) => Encoding.UTF8.GetByteCount(value) + 1;

    private static int WriteCString(string value, Span<byte> destination)
    {
        var written = Encoding.UTF8.GetBytes(value, destination);
        destination[written] = 0;
        return written + 1;
    }
}
