using System.Runtime.CompilerServices;
using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;

namespace Vnd.Capture.Import.Filters;

/// <summary>A bare field or protocol name in a filter: the packet has that field (e.g. <c>Filter: tcp</c>).</summary>
public sealed class FieldPresentPredicate(FieldDescriptor field) : PacketPredicate
{
    /// <summary>
    /// For a field stored as a plain value (<see cref="FieldSlot"/>), the layer parts whose presence is the field's
    /// presence: the test is then one AND per packet. None for fields whose presence needs the general reader.
    /// </summary>
    private readonly LayerParts _parts = PresenceParts(field);

    internal override bool ReadsValues => _parts == LayerParts.None;

    public override bool Matches(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        if (_parts != LayerParts.None)
            return (FieldReader.Layer(in packet, field.Layer).Parts & _parts) != 0;
        return MatchesGeneral(in packet, frame);
    }

    /// <summary>
    /// Fields without a slot. A method of its own so that the per-packet test above carries no stack buffer (zeroing
    /// and a stack cookie on every call).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool MatchesGeneral(in DecodedPacket packet, ReadOnlySpan<byte> frame)
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

    private static LayerParts PresenceParts(FieldDescriptor field)
    {
        var slot = field.Kind switch
        {
            FieldKind.Integer => FieldSlots.Integer(field.Id),
            FieldKind.Address => FieldSlots.Ipv4(field.Id),
            _ => default,
        };
        // Loads that can say "absent" by value, and packet-level fields, are not decided by layer parts alone.
        return slot.Exists && !slot.OnPacket && slot.Load is not (SlotLoad.NonNegativeInt32 or SlotLoad.PacketId)
            ? slot.Parts
            : LayerParts.None;
    }
}
