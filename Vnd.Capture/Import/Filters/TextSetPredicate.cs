using System.Text;
using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;

namespace Vnd.Capture.Import.Filters;

/// <summary><c>field ∈ {"a", "b"}</c> on a text field (e.g. <c>dns.qry.name</c>), compared as UTF-8 bytes, case-sensitively.</summary>
public sealed class TextSetPredicate(FieldDescriptor field, string[] values, bool negated) : PacketPredicate
{
    private readonly byte[][] _utf8 = Array.ConvertAll(values, Encoding.UTF8.GetBytes);

    public override bool Matches(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        if (!FieldReader.TryGetText(in packet, field.Id, out var text))
            return false;
        var found = false;
        foreach (var candidate in _utf8)
        {
            if (text.SequenceEqual(candidate))
            {
                found = true;
                break;
            }
        }
        return found != negated;
    }
}
