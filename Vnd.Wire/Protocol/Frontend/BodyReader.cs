using System.Buffers;
using System.Text;
using Vnd.Wire.Errors;

namespace Vnd.Wire.Protocol.Frontend;

/// <summary>
/// Field reader over one message body. Every read checks the remaining length, so a lying message ends in a
/// protocol violation ("insufficient data left in message", as PostgreSQL says), never an out-of-range read.
/// </summary>
public ref struct BodyReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    private SequenceReader<byte> _reader;

    public BodyReader(ReadOnlySequence<byte> body) => _reader = new SequenceReader<byte>(body);

    public readonly long Remaining => _reader.Remaining;

    public byte ReadByte() => _reader.TryRead(out var value) ? value : Insufficient<byte>();

    public short ReadInt16() => _reader.TryReadBigEndian(out short value) ? value : Insufficient<short>();

    public int ReadInt32() => _reader.TryReadBigEndian(out int value) ? value : Insufficient<int>();

    /// <summary>A zero-terminated UTF-8 string, decoded strictly (invalid UTF-8 → 22021).</summary>
    public string ReadCString()
    {
        if (!_reader.TryReadTo(out ReadOnlySequence<byte> bytes, 0))
        {
            throw new PgProtocolException("invalid string in message");
        }

        return Decode(bytes);
    }

    /// <summary>A slice of <paramref name="count"/> bytes (valid until the read loop advances).</summary>
    public ReadOnlySequence<byte> ReadBytes(int count)
    {
        if (count < 0 || count > _reader.Remaining)
        {
            return Insufficient<ReadOnlySequence<byte>>();
        }

        var slice = _reader.Sequence.Slice(_reader.Position, count);
        _reader.Advance(count);
        return slice;
    }

    /// <summary>Requires the body to be fully consumed, as PostgreSQL's pq_getmsgend does.</summary>
    public readonly void ExpectEnd()
    {
        if (_reader.Remaining != 0)
        {
            throw new PgProtocolException("invalid message format");
        }
    }

    public static string Decode(ReadOnlySequence<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new PgErrorException(SqlState.CharacterNotInRepertoire, "invalid byte sequence for encoding \"UTF8\"");
        }
    }

    private static T Insufficient<T>() => throw new PgProtocolException("insufficient data left in message");
}
