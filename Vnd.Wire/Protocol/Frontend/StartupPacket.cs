using System.Buffers;
using System.Buffers.Binary;
using Vnd.Wire.Errors;

namespace Vnd.Wire.Protocol.Frontend;

/// <summary>
/// The untagged first packet: StartupMessage, SSLRequest, GSSENCRequest or CancelRequest, told apart by the
/// int32 code after the length (which connection state decides is legal, see the startup handshake).
/// </summary>
/// <remarks>
/// <code>
/// +----------------+--------------+-------------------------------+
/// | int32 length   | int32 code   | payload (length - 8 bytes)    |
/// +----------------+--------------+-------------------------------+
/// </code>
/// </remarks>
public readonly struct StartupPacket
{
    public StartupPacket(int code, ReadOnlySequence<byte> payload)
    {
        Code = code;
        Payload = payload;
    }

    public int Code { get; }

    /// <summary>Bytes after the code: parameters of a StartupMessage, pid + key of a CancelRequest.</summary>
    public ReadOnlySequence<byte> Payload { get; }

    public int Length => (int)Payload.Length + 8;

    /// <summary>
    /// Reads one startup packet; false while incomplete. A length outside [8, 10000] is refused as soon as the
    /// length word is in (PostgreSQL: "invalid length of startup packet").
    /// </summary>
    public static bool TryRead(ref SequenceReader<byte> reader, out StartupPacket packet)
    {
        packet = default;
        if (!reader.TryReadBigEndian(out int length))
        {
            return false;
        }

        if (length < 8 || length > ProtocolLimits.MaxStartupPacketLength)
        {
            throw new PgProtocolException("invalid length of startup packet");
        }

        if (reader.Remaining < length - 4)
        {
            reader.Rewind(4);
            return false;
        }

        reader.TryReadBigEndian(out int code);
        var payload = reader.Sequence.Slice(reader.Position, length - 8);
        reader.Advance(length - 8);
        packet = new StartupPacket(code, payload);
        return true;
    }

    /// <summary>Reads the process id and secret key of a CancelRequest (payload must be exactly 8 bytes).</summary>
    public bool TryGetCancelKey(out int processId, out int secretKey)
    {
        processId = secretKey = 0;
        if (Payload.Length != 8)
        {
            return false;
        }

        Span<byte> key = stackalloc byte[8];
        Payload.CopyTo(key);
        processId = BinaryPrimitives.ReadInt32BigEndian(key);
        secretKey = BinaryPrimitives.ReadInt32BigEndian(key[4..]);
        return true;
    }
}
