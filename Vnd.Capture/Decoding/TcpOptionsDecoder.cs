using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Vnd.Capture.Decoding;

/// <summary>TCP options: MSS, window scale, SACK permitted, SACK blocks and timestamps; others are skipped.</summary>
internal static class TcpOptionsDecoder
{
    private const byte EndOfList = 0;
    private const byte NoOperation = 1;
    private const byte Mss = 2;
    private const byte WindowScale = 3;
    private const byte SackPermitted = 4;
    private const byte Sack = 5;
    private const byte Timestamps = 8;

    /// <summary>
    /// Decodes the captured part <paramref name="o"/> of the option area into <paramref name="l"/>; true when an option
    /// is malformed (the caller records <see cref="DecodeErrorKind.TcpOptionsMalformed"/>). The importer's common-frame
    /// path runs it into a scratch layer only for that answer.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per segment of a real capture: optimised from the first call
    internal static bool Decode(ReadOnlySpan<byte> o, ref HeaderLayer l)
    {
        // NOP, NOP, timestamps: what Linux puts on nearly every segment after the handshake. The loop below reads
        // the same; this is only its answer without the per-byte walk.
        if (o.Length == 12 && BinaryPrimitives.ReadUInt32BigEndian(o) == 0x0101_080A)
        {
            l.TcpTsVal = BinaryPrimitives.ReadUInt32BigEndian(o[4..]);
            l.TcpTsEcr = BinaryPrimitives.ReadUInt32BigEndian(o[8..]);
            l.Parts |= LayerParts.TcpTimestamps;
            return false;
        }
        var malformed = false;
        var pos = 0;
        while (pos < o.Length)
        {
            var kind = o[pos];
            if (kind == EndOfList)
                return malformed;
            if (kind == NoOperation)
            {
                pos++;
                continue;
            }
            if (o.Length - pos < 2)
                return malformed; // the length byte was not captured; the truncation is already flagged by the caller
            var length = o[pos + 1];
            if (length < 2)
                return true;
            if (o.Length - pos < length)
                return malformed;
            var v = o.Slice(pos + 2, length - 2);
            switch (kind)
            {
                case Mss when v.Length == 2:
                    l.TcpMss = BinaryPrimitives.ReadUInt16BigEndian(v);
                    l.Parts |= LayerParts.TcpMss;
                    break;
                case WindowScale when v.Length == 1:
                    l.TcpWindowScale = v[0];
                    l.Parts |= LayerParts.TcpWindowScale;
                    break;
                case SackPermitted when v.Length == 0:
                    l.Parts |= LayerParts.TcpSackPermitted;
                    break;
                case Sack when v.Length >= 8 && v.Length % 8 == 0:
                    l.TcpSackCount = (byte)Math.Min(4, v.Length / 8);
                    l.TcpSackLeft = BinaryPrimitives.ReadUInt32BigEndian(v);
                    l.TcpSackRight = BinaryPrimitives.ReadUInt32BigEndian(v[4..]);
                    l.Parts |= LayerParts.TcpSack;
                    break;
                case Timestamps when v.Length == 8:
                    l.TcpTsVal = BinaryPrimitives.ReadUInt32BigEndian(v);
                    l.TcpTsEcr = BinaryPrimitives.ReadUInt32BigEndian(v[4..]);
                    l.Parts |= LayerParts.TcpTimestamps;
                    break;
                case Mss or WindowScale or SackPermitted or Sack or Timestamps:
                    malformed = true;
                    break;
            }
            pos += length;
        }
        return malformed;
    }
}
