using System.Runtime.CompilerServices;
using Vnd.Capture.Decoding;

namespace Vnd.Capture.Fields;

/// <summary>
/// Reads one <see cref="FieldSlot"/> from a run of decoded packets: the choice of load is made once per run, and
/// each load is a generic struct the JIT inlines, so a packet costs a presence test and one load, with no jump
/// table and no call.
/// </summary>
internal static class FieldSlotReader
{
    /// <summary>
    /// For each <paramref name="rows"/>[i] (an index into <paramref name="packets"/>): the field's value (0 when
    /// absent) into <paramref name="values"/>[i] and whether it is present into <paramref name="present"/>[i].
    /// </summary>
    public static void Read(in FieldSlot slot, LayerRole layer, ReadOnlySpan<DecodedPacket> packets, ReadOnlySpan<int> rows,
        Span<long> values, Span<bool> present)
    {
        switch (slot.Load)
        {
            case SlotLoad.Byte:
                Read<ByteLoad>(in slot, layer, packets, rows, values, present);
                break;
            case SlotLoad.UInt16:
                Read<UInt16Load>(in slot, layer, packets, rows, values, present);
                break;
            case SlotLoad.UInt32:
                Read<UInt32Load>(in slot, layer, packets, rows, values, present);
                break;
            case SlotLoad.Int32:
                Read<Int32Load>(in slot, layer, packets, rows, values, present);
                break;
            case SlotLoad.NonNegativeInt32:
                Read<NonNegativeInt32Load>(in slot, layer, packets, rows, values, present);
                break;
            case SlotLoad.Int64:
                Read<Int64Load>(in slot, layer, packets, rows, values, present);
                break;
            case SlotLoad.PacketId:
                for (var i = 0; i < rows.Length; i++)
                    present[i] = DerivedFields.TryGetPacketId(in FieldReader.Layer(in packets[rows[i]], layer), out values[i]);
                break;
            default:
                throw new InvalidOperationException("a field without a slot cannot be read by slot");
        }
    }

    private static void Read<TLoad>(in FieldSlot slot, LayerRole layer, ReadOnlySpan<DecodedPacket> packets, ReadOnlySpan<int> rows,
        Span<long> values, Span<bool> present)
        where TLoad : struct, ISlotLoad
    {
        var offset = (nint)slot.Offset;
        if (slot.OnPacket)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                ref var start = ref Unsafe.As<DecodedPacket, byte>(ref Unsafe.AsRef(in packets[rows[i]]));
                var has = TLoad.Load(ref Unsafe.AddByteOffset(ref start, offset), out var value);
                values[i] = has ? value : 0;
                present[i] = has;
            }
            return;
        }
        var parts = slot.Parts;
        for (var i = 0; i < rows.Length; i++)
        {
            ref readonly var l = ref FieldReader.Layer(in packets[rows[i]], layer);
            ref var start = ref Unsafe.As<HeaderLayer, byte>(ref Unsafe.AsRef(in l));
            var has = TLoad.Load(ref Unsafe.AddByteOffset(ref start, offset), out var value) & (l.Parts & parts) != 0;
            values[i] = has ? value : 0;
            present[i] = has;
        }
    }

    /// <summary>Loads a stored value; false when the value itself says "absent".</summary>
    private interface ISlotLoad
    {
        static abstract bool Load(ref byte field, out long value);
    }

    private struct ByteLoad : ISlotLoad
    {
        public static bool Load(ref byte field, out long value)
        {
            value = field;
            return true;
        }
    }

    private struct UInt16Load : ISlotLoad
    {
        public static bool Load(ref byte field, out long value)
        {
            value = Unsafe.As<byte, ushort>(ref field);
            return true;
        }
    }

    private struct UInt32Load : ISlotLoad
    {
        public static bool Load(ref byte field, out long value)
        {
            value = Unsafe.As<byte, uint>(ref field);
            return true;
        }
    }

    private struct Int32Load : ISlotLoad
    {
        public static bool Load(ref byte field, out long value)
        {
            value = Unsafe.As<byte, int>(ref field);
            return true;
        }
    }

    private struct NonNegativeInt32Load : ISlotLoad
    {
        public static bool Load(ref byte field, out long value)
        {
            value = Unsafe.As<byte, int>(ref field);
            return value >= 0;
        }
    }

    private struct Int64Load : ISlotLoad
    {
        public static bool Load(ref byte field, out long value)
        {
            value = Unsafe.As<byte, long>(ref field);
            return true;
        }
    }
}
