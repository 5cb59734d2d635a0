using Vnd.Capture.Decoding;

namespace Vnd.Capture.Fields;

/// <summary>How the bytes of a <see cref="FieldSlot"/> become a field value.</summary>
internal enum SlotLoad : byte
{
    None,
    Byte,
    UInt16,
    UInt32,
    Int32,
    /// <summary>An <c>int</c> whose negative values mean "absent" (tcp.len of a header longer than the packet).</summary>
    NonNegativeInt32,
    Int64,
    /// <summary>vnd.packet_id, computed from the layer (<see cref="DerivedFields.TryGetPacketId"/>).</summary>
    PacketId,
}

/// <summary>
/// Where an integer field lives in a decoded packet: a fixed byte offset in its <see cref="HeaderLayer"/> (or in the
/// <see cref="DecodedPacket"/> itself), how wide it is, and which layer parts make it present. A column whose field
/// has a slot is read for a whole batch of packets by one tight loop (<see cref="FieldSlotReader"/>) instead of
/// a jump table per packet. <see cref="FieldSlots"/> builds them; they agree with <see cref="LayerFieldReader"/>.
/// </summary>
internal readonly struct FieldSlot(SlotLoad load, LayerParts parts, int offset, bool onPacket)
{
    public SlotLoad Load { get; } = load;

    /// <summary>The field is present when the layer has any of these parts; None = always present.</summary>
    public LayerParts Parts { get; } = parts;

    /// <summary>Byte offset in the layer, or in the packet when <see cref="OnPacket"/>.</summary>
    public int Offset { get; } = offset;

    /// <summary>A packet-level field (frame.*): the offset is into <see cref="DecodedPacket"/>, not a layer.</summary>
    public bool OnPacket { get; } = onPacket;

    public bool Exists => Load != SlotLoad.None;
}
