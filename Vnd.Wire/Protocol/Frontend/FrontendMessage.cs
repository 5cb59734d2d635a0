using System.Buffers;
using System.Buffers.Binary;

namespace Vnd.Wire.Protocol.Frontend;

/// <summary>
/// One tagged client message. <see cref="Body"/> is a slice of the connection's input buffer and is valid only
/// until the read loop calls AdvanceTo; handlers copy what must outlive it (names, SQL text, parameter bytes).
/// </summary>
/// <remarks>
/// Layout (docs "Message Formats"):
/// <code>
/// +------+----------------+-------------------------+
/// | tag  | int32 length   | body (length - 4 bytes) |
/// +------+----------------+-------------------------+
///          length counts itself but not the tag
/// </code>
/// </remarks>
public readonly struct FrontendMessage
{
    public FrontendMessage(byte code, ReadOnlySequence<byte> body)
    {
        Code = code;
        Body = body;
    }

    public byte Code { get; }

    public ReadOnlySequence<byte> Body { get; }

    /// <summary>
    /// Reads one complete message. Returns false (consuming nothing) while the message is incomplete. The declared
    /// length is validated as soon as the 5-byte header is in, so an oversized message is refused before its body
    /// is awaited or buffered.
    /// </summary>
    public static bool TryRead(ref SequenceReader<byte> reader, int maxLength, out FrontendMessage message)
    {
        message = default;
        if (reader.Remaining < ProtocolLimits.TaggedHeaderLength)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[ProtocolLimits.TaggedHeaderLength];
        reader.TryCopyTo(header);
        var code = header[0];
        var length = BinaryPrimitives.ReadInt32BigEndian(header[1..]);
        if (length < 4)
        {
            throw new Errors.PgProtocolException($"invalid message length {length}");
        }

        if (length > maxLength)
        {
            throw new Errors.PgProtocolException($"invalid message length {length}: exceeds the limit of {maxLength} bytes");
        }

        if (reader.Remaining - 1 < length)
        {
            return false;
        }

        reader.Advance(ProtocolLimits.TaggedHeaderLength);
        var body = reader.Sequence.Slice(reader.Position, length - 4);
        reader.Advance(length - 4);
        message = new FrontendMessage(code, body);
        return true;
    }
}
