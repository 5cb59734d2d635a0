using System.Buffers.Binary;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;
using Vnd.Wire.Errors;
using Vnd.Wire.Types;

namespace Vnd.Engine.Sessions;

/// <summary>
/// A binary array parameter (array_recv): int32 ndim, int32 has-null flag, element OID, per dimension int32 size
/// and lower bound, then each element as int32 length (-1 = NULL) and its binary form. Every declared length is
/// checked against the bytes actually received before it is used, so a lying client gets 22P03, never a large
/// allocation. Only one dimension is supported; more is 0A000.
/// </summary>
internal static class ArrayParameter
{
    public static ArrayValue Read(ReadOnlySpan<byte> raw, SqlType element, Func<PgParameters, int, SqlType, object> decode)
    {
        if (raw.Length < 12)
            throw Malformed();
        var dimensions = BinaryPrimitives.ReadInt32BigEndian(raw);
        if (dimensions == 0)
            return new ArrayValue(element, []);
        if (dimensions != 1)
            throw dimensions > 1 ? new PgErrorException("0A000", "multidimensional array parameters are not supported") : Malformed();
        if (raw.Length < 20)
            throw Malformed();
        var count = BinaryPrimitives.ReadInt32BigEndian(raw[12..]);
        // Each element takes at least its 4-byte length word: a count the bytes cannot hold is a lie.
        if (count < 0 || count > (raw.Length - 20) / 4)
            throw Malformed();
        var offsets = new int[count];
        var lengths = new int[count];
        var at = 20;
        for (var k = 0; k < count; k++)
        {
            if (raw.Length - at < 4)
                throw Malformed();
            var length = BinaryPrimitives.ReadInt32BigEndian(raw[at..]);
            at += 4;
            if (length > raw.Length - at || length < -1)
                throw Malformed();
            offsets[k] = at;
            lengths[k] = length;
            at += Math.Max(length, 0);
        }
        if (at != raw.Length)
            throw Malformed();
        var formats = new PgFormat[count];
        formats.AsSpan().Fill(PgFormat.Binary);
        var elements = new PgParameters(raw.ToArray(), offsets, lengths, formats);
        var items = new object?[count];
        for (var k = 0; k < count; k++)
            items[k] = elements.IsNull(k) ? null : decode(elements, k, element);
        return new ArrayValue(element, items);
    }

    private static PgErrorException Malformed() => new("22P03", "malformed binary array parameter");
}
