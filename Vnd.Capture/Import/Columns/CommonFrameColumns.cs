using System.Runtime.CompilerServices;
using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;

namespace Vnd.Capture.Import.Columns;

/// <summary>
/// Resolves a staged column to a <see cref="CommonFrameLoad"/> for one <see cref="CommonFrameKind"/>: which of its
/// fields the kind has (from the general decoder's reading of the kind's sample frame) and where that field's bits sit
/// in the frame. A field the kind has but this table does not place makes the column, and so the table, keep the
/// decoded path; the row path tests compare both on every sample capture.
/// </summary>
internal static class CommonFrameColumns
{
    private const int Ip = 14;
    private const int Transport = Ip + 20;

    /// <summary>The load for a column fed by <paramref name="fields"/> (the first one present wins); false: none.</summary>
    public static bool TryCreate(FieldDescriptor[] fields, IStagedColumnFiller filler, CommonFrameKind kind, in DecodedPacket sample, out CommonFrameLoad load)
    {
        for (var f = 0; f < fields.Length; f++)
        {
            if (!TryLoad(fields[f], filler.SlotOf(fields[f]), kind, in sample, out load))
                return false;
            if (!load.Present)
                continue;
            // An interface id can be absent by value: a later field would then decide, which a fixed load cannot.
            return load.Value != CommonFrameValue.InterfaceId || f == fields.Length - 1;
        }
        load = CommonFrameLoad.Absent;
        return true;
    }

    private static bool TryLoad(FieldDescriptor field, FieldSlot slot, CommonFrameKind kind, in DecodedPacket sample, out CommonFrameLoad load)
    {
        load = default;
        if (!PacketSlot.TryCreate(slot, field.Layer, out var packetSlot))
            return false;
        var options = kind == CommonFrameKind.TcpWithOptions;
        // Which options a segment carries varies from frame to frame: their fields are only read by decoding.
        if (options && FieldIds.BaseOf(field.Id) is >= FieldId.TcpOptionMss and <= FieldId.TcpOptionTsecr)
            return false;
        var computed = field.Id switch
        {
            FieldId.FrameTimeEpoch => CommonFrameValue.Timestamp,
            FieldId.FrameLen => CommonFrameValue.FrameLength,
            FieldId.FrameCapLen => CommonFrameValue.CapturedLength,
            FieldId.FrameInterfaceId => CommonFrameValue.InterfaceId,
            FieldId.VndPacketId when kind is CommonFrameKind.Tcp or CommonFrameKind.TcpWithOptions => CommonFrameValue.TcpPacketId,
            FieldId.TcpHdrLen when options => CommonFrameValue.TcpHeaderLength,
            FieldId.TcpLen when options => CommonFrameValue.TcpPayloadLength,
            _ => CommonFrameValue.Loaded,
        };
        if (computed != CommonFrameValue.Loaded)
        {
            load = CommonFrameLoad.Computed(computed);
            return true;
        }
        ref var start = ref Unsafe.As<DecodedPacket, byte>(ref Unsafe.AsRef(in sample));
        if (!packetSlot.TryRead(ref start, in sample, out var sampleValue))
        {
            load = CommonFrameLoad.Absent;
            return true;
        }
        if (field.Layer != LayerRole.Outer)
            return false; // a common frame has no tunnelled or quoted layer
        load = FieldIds.BaseOf(field.Id) switch
        {
            // The same for every frame of the kind: the sample's value.
            FieldId.EthType or FieldId.VlanCount or FieldId.IpProto or FieldId.IpHdrLen or FieldId.IpFragOffset
                or FieldId.TcpHdrLen or FieldId.FrameLinkType or FieldId.VndTunnelDepth => CommonFrameLoad.Constant(sampleValue),
            FieldId.IpDsfield => CommonFrameLoad.Bits(Ip + 2, 1),
            FieldId.IpLen => CommonFrameLoad.Bits(Ip + 4, 2),
            FieldId.IpId or FieldId.VndPacketId => CommonFrameLoad.Bits(Ip + 6, 2),
            FieldId.IpTtl => CommonFrameLoad.Bits(Ip + 9, 1),
            FieldId.IpSrc => CommonFrameLoad.Bits(Ip + 16, 4),
            FieldId.IpDst => CommonFrameLoad.Bits(Ip + 20, 4),
            FieldId.TcpSrcPort or FieldId.UdpSrcPort => CommonFrameLoad.Bits(Transport + 2, 2),
            FieldId.TcpDstPort or FieldId.UdpDstPort => CommonFrameLoad.Bits(Transport + 4, 2),
            FieldId.UdpLength => CommonFrameLoad.Bits(Transport + 6, 2),
            FieldId.TcpSeq => CommonFrameLoad.Bits(Transport + 8, 4),
            FieldId.TcpAck => CommonFrameLoad.Bits(Transport + 12, 4),
            FieldId.TcpFlags => CommonFrameLoad.Bits(Transport + 14, 2, mask: 0x0FFF),
            FieldId.TcpWindowSizeValue => CommonFrameLoad.Bits(Transport + 16, 2),
            // The IP payload less a TCP header without options (the kind's); never negative for the kind.
            FieldId.TcpLen => CommonFrameLoad.Bits(Ip + 4, 2, add: -40),
            _ => default,
        };
        return load.End != 0 && load.End <= MinLength(kind);
    }

    /// <summary>The bytes every frame of <paramref name="kind"/> has (one with options has more: its loads stop before them).</summary>
    public static int MinLength(CommonFrameKind kind) =>
        kind == CommonFrameKind.Udp ? CommonFrameDecoder.MinUdpFrameLength : CommonFrameDecoder.MinTcpFrameLength;
}
