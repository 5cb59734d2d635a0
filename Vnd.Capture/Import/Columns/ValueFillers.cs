using System.Buffers.Binary;
using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;
using Vnd.Executor.Storage.Builders;

namespace Vnd.Capture.Import.Columns;

internal sealed class BoolFiller(FieldDescriptor[] fields, BoolColumnBuilder builder) : RowWiseFiller(fields, builder)
{
    protected override bool TryAppend(in DecodedPacket packet, ReadOnlySpan<byte> frame, FieldDescriptor field)
    {
        if (!FieldReader.TryGetBool(in packet, field.Id, out var value))
            return false;
        builder.Append(value);
        return true;
    }
}

/// <summary>An IPv4-only column keeps 4-byte values (the address as a number, read like an integer field).</summary>
internal sealed class Inet4Filler(FieldDescriptor[] fields, Inet4ColumnBuilder builder) : ColumnFiller(fields), IStagedColumnFiller
{
    private readonly FieldSlot _slot = FieldSlots.Ipv4(fields[0].Id);
    private readonly long[] _values = new long[PacketBatch.Capacity];
    private readonly bool[] _present = new bool[PacketBatch.Capacity];

    public override void Fill(PacketBatch batch, ReadOnlySpan<int> rows)
    {
        var packets = batch.Packets;
        var values = _values.AsSpan(0, rows.Length);
        var present = _present.AsSpan(0, rows.Length);
        if (_slot.Exists && Fields.Length == 1)
            FieldSlotReader.Read(in _slot, Fields[0].Layer, packets, rows, values, present);
        else
            ReadEach(packets, rows, values, present);
        builder.AppendRange(values, present);
    }

    public FieldSlot SlotOf(FieldDescriptor field) => FieldSlots.Ipv4(field.Id);

    public StagedColumn Target { get; } = new(builder, StagedStorage.Inet4);

    private void ReadEach(ReadOnlySpan<DecodedPacket> packets, ReadOnlySpan<int> rows, Span<long> values, Span<bool> present)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            values[i] = 0;
            present[i] = false;
            foreach (var field in Fields)
            {
                if (FieldReader.TryGetIpv4(in packets[rows[i]], field.Id, out var address))
                {
                    values[i] = address;
                    present[i] = true;
                    break;
                }
            }
        }
    }
}

/// <summary>A column that may hold IPv6 addresses (or both families).</summary>
internal sealed class InetFiller(FieldDescriptor[] fields, InetColumnBuilder builder) : RowWiseFiller(fields, builder)
{
    protected override bool TryAppend(in DecodedPacket packet, ReadOnlySpan<byte> frame, FieldDescriptor field)
    {
        Span<byte> address = stackalloc byte[16];
        if (!FieldReader.TryGetAddress(in packet, field.Id, address, out var length))
            return false;
        builder.Append(address[..length]);
        return true;
    }
}

internal sealed class MacFiller(FieldDescriptor[] fields, MacAddrColumnBuilder builder) : RowWiseFiller(fields, builder)
{
    protected override bool TryAppend(in DecodedPacket packet, ReadOnlySpan<byte> frame, FieldDescriptor field)
    {
        if (!FieldReader.TryGetMac(in packet, field.Id, out var value))
            return false;
        Span<byte> mac = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(mac, value << 16);
        builder.Append(mac[..6]);
        return true;
    }
}

/// <summary>Text (UTF-8) and byte-string fields.</summary>
internal sealed class BytesFiller(FieldDescriptor[] fields, VariableWidthColumnBuilder builder) : RowWiseFiller(fields, builder)
{
    protected override bool TryAppend(in DecodedPacket packet, ReadOnlySpan<byte> frame, FieldDescriptor field)
    {
        var found = field.Kind == FieldKind.Text
            ? FieldReader.TryGetText(in packet, field.Id, out var value)
            : FieldReader.TryGetBytes(in packet, frame, field.Id, out value);
        if (found)
            builder.Append(value);
        return found;
    }
}
