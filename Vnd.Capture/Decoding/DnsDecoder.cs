using System.Buffers.Binary;

namespace Vnd.Capture.Decoding;

/// <summary>
/// The DNS header and the first question. The name is written as dotted text (tshark's spelling, root as
/// <c>&lt;Root&gt;</c>) into the packet's reusable name buffer; compression pointers are followed a bounded
/// number of times so a loop cannot hang the decoder.
/// </summary>
internal static class DnsDecoder
{
    private const int HeaderLength = 12;
    private const int MaxPointerJumps = 16;
    private static ReadOnlySpan<byte> RootName => "<Root>"u8;

    /// <summary><paramref name="m"/> is exactly the captured DNS message.</summary>
    internal static void Decode(ReadOnlySpan<byte> m, ref DecodedPacket p, ref HeaderLayer l)
    {
        if (m.Length < HeaderLength)
        {
            p.AddError(DecodeErrorKind.DnsTruncated);
            return;
        }
        l.DnsId = BinaryPrimitives.ReadUInt16BigEndian(m);
        l.DnsFlags = BinaryPrimitives.ReadUInt16BigEndian(m[2..]);
        l.DnsQuestionCount = BinaryPrimitives.ReadUInt16BigEndian(m[4..]);
        l.DnsAnswerCount = BinaryPrimitives.ReadUInt16BigEndian(m[6..]);
        l.Parts |= LayerParts.Dns;
        if (l.DnsQuestionCount == 0)
            return;

        var start = (int)l.Role * DecodedPacket.MaxNameLength;
        if (p.WritableNames.Length < start + DecodedPacket.MaxNameLength)
            return; // a default(DecodedPacket) has no name buffer: the header is kept, the name is not written
        var text = p.WritableNames.Slice(start, DecodedPacket.MaxNameLength);
        var result = ReadName(m, HeaderLength, text, out var written, out var afterName);
        if (result is { } error)
        {
            p.AddError(error);
            return;
        }
        if (m.Length - afterName < 2)
        {
            p.AddError(DecodeErrorKind.DnsTruncated);
            return;
        }
        if (written == 0)
        {
            RootName.CopyTo(text);
            written = RootName.Length;
        }
        l.DnsQuestionType = BinaryPrimitives.ReadUInt16BigEndian(m[afterName..]);
        l.DnsNameStart = (ushort)start;
        l.DnsNameLength = (ushort)written;
        l.Parts |= LayerParts.DnsQuestion;
    }

    /// <summary>Null when the name decoded; otherwise why not.</summary>
    private static DecodeErrorKind? ReadName(ReadOnlySpan<byte> m, int pos, Span<byte> text, out int written, out int afterName)
    {
        written = 0;
        afterName = -1;
        var jumps = 0;
        while (true)
        {
            if (pos >= m.Length)
                return DecodeErrorKind.DnsTruncated;
            var length = m[pos];
            if (length == 0)
            {
                if (afterName < 0)
                    afterName = pos + 1;
                return null;
            }
            switch (length & 0xC0)
            {
                case 0xC0:
                    if (m.Length - pos < 2)
                        return DecodeErrorKind.DnsTruncated;
                    if (++jumps > MaxPointerJumps)
                        return DecodeErrorKind.DnsNameMalformed;
                    if (afterName < 0)
                        afterName = pos + 2;
                    pos = ((length & 0x3F) << 8) | m[pos + 1];
                    continue;
                case 0x00:
                    break;
                default:
                    return DecodeErrorKind.DnsNameMalformed; // extended label types (RFC 6891 obsoleted them)
            }
            if (m.Length - pos - 1 < length)
                return DecodeErrorKind.DnsTruncated;
            if (written > 0 && !Append(text, ref written, (byte)'.'))
                return DecodeErrorKind.DnsNameMalformed;
            foreach (var b in m.Slice(pos + 1, length))
            {
                if (!AppendEscaped(text, ref written, b))
                    return DecodeErrorKind.DnsNameMalformed;
            }
            pos += 1 + length;
        }
    }

    /// <summary>Printable ASCII as is, anything else as <c>\DDD</c> so the text stays valid UTF-8.</summary>
    private static bool AppendEscaped(Span<byte> text, ref int written, byte b)
    {
        if (b is >= 0x21 and < 0x7F)
            return Append(text, ref written, b);
        return Append(text, ref written, (byte)'\\')
            && Append(text, ref written, (byte)('0' + b / 100))
            && Append(text, ref written, (byte)('0' + b / 10 % 10))
            && Append(text, ref written, (byte)('0' + b % 10));
    }

    private static bool Append(Span<byte> text, ref int written, byte b)
    {
        if (written >= text.Length)
            return false;
        text[written++] = b;
        return true;
    }
}
