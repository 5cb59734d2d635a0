using System.Buffers.Binary;
using Vnd.Executor.Vectors;
using Vnd.Wire.Types;

namespace Vnd.Engine.Sessions;

public sealed partial class WireRowEncoder
{
    /// <summary>
    /// Most bytes an array value can take: per element its text or binary form (quoted and escaped, so doubled
    /// twice), plus separators and length words; text/bytea elements are bounded by the array's own bytes.
    /// </summary>
    private int ArrayBound(int column, ReadOnlySpan<byte> array) =>
        32 + (8 * array.Length) + (ArrayLayout.Count(array) * 4 * (MaxFixedLength(_arrays[column]!.Kind) + 8));

    /// <summary>
    /// array_out: <c>{1,2,NULL}</c>, each element in its type's text form, double-quoted (with <c>"</c> and <c>\</c>
    /// backslash-escaped) when it is empty, reads NULL, or holds <c>{ } , " \</c> or white space.
    /// </summary>
    private int ArrayText(int column, ReadOnlySpan<byte> array, Span<byte> span)
    {
        var a = _arrays[column]!;
        var count = ArrayLayout.Unpack(array, a.Elements);
        span[0] = (byte)'{';
        var at = 1;
        for (var k = 0; k < count; k++)
        {
            if (k > 0)
                span[at++] = (byte)',';
            if (a.Elements.IsNull(k))
            {
                "NULL"u8.CopyTo(span[at..]);
                at += 4;
                continue;
            }
            var length = WriteText(a.Kind, a.Float4, a.Cidr, column, a.Elements, k, span[at..]);
            at += PgArrayText.Quote(span[at..], length);
        }
        span[at++] = (byte)'}';
        return at;
    }

    /// <summary>
    /// array_send: int32 ndim (0 for an empty array), int32 has-null flag, element OID, then per dimension int32
    /// size and lower bound (1), then each element as int32 length (-1 = NULL) and its send() form.
    /// </summary>
    private int ArrayBinary(int column, ReadOnlySpan<byte> array, Span<byte> span)
    {
        var a = _arrays[column]!;
        var count = ArrayLayout.Unpack(array, a.Elements);
        BinaryPrimitives.WriteInt32BigEndian(span, count == 0 ? 0 : 1);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], ArrayLayout.HasNull(array) ? 1 : 0);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], a.ElementOid);
        var at = 12;
        if (count > 0)
        {
            BinaryPrimitives.WriteInt32BigEndian(span[at..], count);
            BinaryPrimitives.WriteInt32BigEndian(span[(at + 4)..], 1);
            at += 8;
        }
        for (var k = 0; k < count; k++)
        {
            if (a.Elements.IsNull(k))
            {
                BinaryPrimitives.WriteInt32BigEndian(span[at..], -1);
                at += 4;
                continue;
            }
            var length = WriteBinary(a.Kind, a.Float4, a.Cidr, column, a.Elements, k, span[(at + 4)..]);
            BinaryPrimitives.WriteInt32BigEndian(span[at..], length);
            at += 4 + length;
        }
        return at;
    }
}
