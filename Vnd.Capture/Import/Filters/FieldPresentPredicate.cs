using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;

namespace Vnd.Capture.Import.Filters;

/// <summary>A bare field or protocol name in a filter: the packet has that field (e.g. <c>Filter: tcp</c>).</summary>
public sealed class FieldPresentPredicate(FieldDescriptor field) : PacketPredicate
{
    public override bool Matches(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        Span<byte> scratch = stackalloc byte[16];
        return field.Kind switch
        {
            FieldKind.Integer or FieldKind.Timestamp => FieldReader.TryGetInt64(in packet, frame, field.Id, out _),
            FieldKind.Boolean => FieldReader.TryGetBool(in packet, field.Id, out _),
            FieldKind.Address => FieldReader.TryGetAddress(in packet, field.Id, scratch, out _),
            FieldKind.Mac => FieldReader.TryGetMac(in packet, field.Id, out _),
            FieldKind.Text => FieldReader.TryGetText(in packet, field.Id, out _),
            _ => FieldReader.TryGetBytes(in packet, frame, field.Id, out _),
        };
    }
}
