using System.Runtime.CompilerServices;
using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;

namespace Vnd.Capture.Import.Columns;

/// <summary>
/// A <see cref="FieldSlot"/> resolved against the whole <see cref="DecodedPacket"/>: the byte offset of the value and
/// of its layer's parts from the start of the packet, and how wide and signed the value is. Reading it is one
/// unaligned 8-byte load, two shifts and a parts test, with no switch on the field's width, so a row of a dozen
/// columns costs a dozen of these and nothing per field kind. Reads the same value and presence as
/// <see cref="FieldSlotReader"/>.
/// </summary>
internal readonly struct PacketSlot
{
    private readonly int _offset;
    private readonly int _partsOffset;
    private readonly LayerParts _parts;
    private readonly byte _shift;
    private readonly bool _always;
    private readonly bool _packetId;
    private readonly LayerRole _role;
    /// <summary>All ones for signed values; the value's own bits for unsigned ones (undoes the sign extension).</summary>
    private readonly long _mask;
    /// <summary>Smallest value that counts as present: 0 for "negative means absent", else long.MinValue.</summary>
    private readonly long _min;

    private PacketSlot(int offset, int partsOffset, LayerParts parts, int width, bool signed, bool always, bool nonNegative, bool packetId, LayerRole role)
    {
        _offset = offset;
        _partsOffset = partsOffset;
        _parts = parts;
        _shift = (byte)(64 - 8 * width);
        _mask = signed ? -1L : (long)(ulong.MaxValue >> (64 - 8 * width));
        _min = nonNegative ? 0 : long.MinValue;
        _always = always;
        _packetId = packetId;
        _role = role;
    }

    /// <summary>Whether this is vnd.packet_id, a value computed from the layer rather than loaded.</summary>
    public bool IsComputed => _packetId;

    /// <summary>
    /// Resolves <paramref name="slot"/> on layer <paramref name="role"/>; false when it has no slot or its 8-byte load
    /// would reach past the end of the packet (the layout is the runtime's, so this is checked, not assumed).
    /// </summary>
    public static bool TryCreate(FieldSlot slot, LayerRole role, out PacketSlot packetSlot)
    {
        packetSlot = default;
        if (!slot.Exists || !BitConverter.IsLittleEndian)
            return false;
        var layerOffset = LayerOffset(role);
        var partsOffset = layerOffset + PartsOffsetInLayer();
        if (slot.Load == SlotLoad.PacketId)
        {
            packetSlot = new PacketSlot(0, partsOffset, LayerParts.None, 8, signed: true, always: false, nonNegative: false, packetId: true, role);
            return true;
        }
        var (width, signed) = slot.Load switch
        {
            SlotLoad.Byte => (1, false),
            SlotLoad.UInt16 => (2, false),
            SlotLoad.UInt32 => (4, false),
            SlotLoad.Int32 or SlotLoad.NonNegativeInt32 => (4, true),
            _ => (8, true),
        };
        var offset = slot.OnPacket ? slot.Offset : layerOffset + slot.Offset;
        if (offset + sizeof(ulong) > Unsafe.SizeOf<DecodedPacket>())
            return false;
        packetSlot = new PacketSlot(offset, partsOffset, slot.Parts, width, signed, slot.OnPacket, slot.Load == SlotLoad.NonNegativeInt32, packetId: false, role);
        return true;
    }

    /// <summary>The field's value (0 when absent) from <paramref name="packet"/>, whose first byte is <paramref name="start"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRead(ref byte start, in DecodedPacket packet, out long value)
    {
        if (_packetId)
            return DerivedFields.TryGetPacketId(in FieldReader.Layer(in packet, _role), out value);
        return TryLoad(ref start, out value);
    }

    /// <summary>
    /// <see cref="TryRead"/> for a loaded (not computed) field, branch-free: the 8 bytes at the value are shifted up
    /// and arithmetically back down (sign extension), masked to the width for unsigned values, and the layer's parts
    /// decide presence.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryLoad(ref byte start, out long value)
    {
        var v = ((long)(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, _offset)) << _shift) >> _shift) & _mask;
        var parts = Unsafe.ReadUnaligned<LayerParts>(ref Unsafe.Add(ref start, _partsOffset));
        var has = (_always | (parts & _parts) != 0) & v >= _min;
        value = has ? v : 0;
        return has;
    }

    private static int LayerOffset(LayerRole role)
    {
        var p = new DecodedPacket();
        ref readonly var layer = ref FieldReader.Layer(in p, role);
        return (int)Unsafe.ByteOffset(ref Unsafe.As<DecodedPacket, byte>(ref p), ref Unsafe.As<HeaderLayer, byte>(ref Unsafe.AsRef(in layer)));
    }

    private static int PartsOffsetInLayer()
    {
        var l = new HeaderLayer();
        return (int)Unsafe.ByteOffset(ref Unsafe.As<HeaderLayer, byte>(ref l), ref Unsafe.As<LayerParts, byte>(ref l.Parts));
    }
}
