using System.Buffers.Binary;

namespace Vnd.Executor.Storage.Sketches;

/// <summary>
/// The manifest's form of a <see cref="HyperLogLog"/>: a kind byte, the precision, then either the nonzero
/// registers as (index u16, rank u8) triples — most trace columns (protocol, ports, flags) fill few registers —
/// or all registers packed six bits each (3 KiB), whichever is shorter. Decoding is defensive: a damaged
/// sketch is reported as absent (the planner then falls back to the row count), never as a wrong estimate.
/// </summary>
public static class HyperLogLogCodec
{
    private const byte Sparse = 1;
    private const byte Dense = 2;
    private const int HeaderBytes = 2;
    private const int DenseBytes = HyperLogLog.RegisterCount * 6 / 8;

    public static byte[] Encode(HyperLogLog sketch)
    {
        var registers = sketch.Registers;
        var used = registers.Length - registers.Count((byte)0);
        if (HeaderBytes + 2 + used * 3 < HeaderBytes + DenseBytes)
            return EncodeSparse(registers, used);
        var bytes = new byte[HeaderBytes + DenseBytes];
        bytes[0] = Dense;
        bytes[1] = HyperLogLog.Precision;
        var packed = bytes.AsSpan(HeaderBytes);
        // Four 6-bit registers fill three bytes exactly.
        for (int r = 0, b = 0; r < registers.Length; r += 4, b += 3)
        {
            var word = registers[r] | registers[r + 1] << 6 | registers[r + 2] << 12 | registers[r + 3] << 18;
            packed[b] = (byte)word;
            packed[b + 1] = (byte)(word >> 8);
            packed[b + 2] = (byte)(word >> 16);
        }
        return bytes;
    }

    /// <summary>The sketch <paramref name="bytes"/> encode, or null when they are not a sketch this version reads.</summary>
    public static HyperLogLog? TryDecode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderBytes || bytes[1] != HyperLogLog.Precision)
            return null;
        var sketch = new HyperLogLog();
        var body = bytes[HeaderBytes..];
        return bytes[0] switch
        {
            Sparse => DecodeSparse(body, sketch),
            Dense => DecodeDense(body, sketch),
            _ => null,
        };
    }

    private static byte[] EncodeSparse(ReadOnlySpan<byte> registers, int used)
    {
        var bytes = new byte[HeaderBytes + 2 + used * 3];
        bytes[0] = Sparse;
        bytes[1] = HyperLogLog.Precision;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(HeaderBytes), (ushort)used);
        var at = HeaderBytes + 2;
        for (var i = 0; i < registers.Length; i++)
        {
            if (registers[i] == 0)
                continue;
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at), (ushort)i);
            bytes[at + 2] = registers[i];
            at += 3;
        }
        return bytes;
    }

    private static HyperLogLog? DecodeSparse(ReadOnlySpan<byte> body, HyperLogLog sketch)
    {
        if (body.Length < 2)
            return null;
        var count = BinaryPrimitives.ReadUInt16LittleEndian(body);
        if (body.Length != 2 + count * 3)
            return null;
        for (var at = 2; at < body.Length; at += 3)
        {
            var index = BinaryPrimitives.ReadUInt16LittleEndian(body[at..]);
            var rank = body[at + 2];
            if (index >= HyperLogLog.RegisterCount || rank > HyperLogLog.MaxRank)
                return null;
            sketch.Set(index, rank);
        }
        return sketch;
    }

    private static HyperLogLog? DecodeDense(ReadOnlySpan<byte> body, HyperLogLog sketch)
    {
        if (body.Length != DenseBytes)
            return null;
        for (int r = 0, b = 0; r < HyperLogLog.RegisterCount; r += 4, b += 3)
        {
            var word = body[b] | body[b + 1] << 8 | body[b + 2] << 16;
            for (var i = 0; i < 4; i++)
            {
                var rank = (byte)((word >> (6 * i)) & 0x3F);
                if (rank > HyperLogLog.MaxRank)
                    return null;
                sketch.Set(r + i, rank);
            }
        }
        return sketch;
    }
}
