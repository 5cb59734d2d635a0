using System.Buffers.Binary;
using System.IO.Hashing;
using Vnd.Capture.Decoding;

namespace Vnd.Capture.Fields;

/// <summary>
/// Fields VND computes rather than reads (paper §3.5): the packet id used to match one packet across capture
/// points, a payload hash for packets without a usable id, and a tenant-aware, direction-independent flow key.
/// </summary>
internal static class DerivedFields
{
    private const uint NoTunnelId = 0xFFFF_FFFF; // VNIs are 24-bit, so this never equals a real one
    private const ushort NoVlan = 0xFFFF;        // VLAN ids are 12-bit
    private const int FlowKeyBytes = 2 * (16 + 2) + 1 + 4 + 2 + 2;

    /// <summary>
    /// <c>ip.id + (tcp.seq &lt;&lt; 16)</c>. IPv4 without TCP: <c>ip.id</c>. IPv6 has no id field: the fragment header's
    /// identification (low 16 bits) stands in, else 0, so IPv6 TCP is <c>tcp.seq &lt;&lt; 16</c> and IPv6 non-TCP
    /// without a fragment header has no packet id.
    /// </summary>
    internal static bool TryGetPacketId(in HeaderLayer l, out long value)
    {
        long id16;
        if (l.Has(LayerParts.Ipv4))
            id16 = l.IpId;
        else if (l.Has(LayerParts.Ipv6))
            id16 = l.Has(LayerParts.Ipv6Fragment) ? l.Ipv6FragmentId & 0xFFFF : 0;
        else
        {
            value = 0;
            return false;
        }
        if (l.Has(LayerParts.Tcp))
        {
            value = id16 + ((long)l.TcpSeq << 16);
            return true;
        }
        value = id16;
        return l.Has(LayerParts.Ipv4) || l.Has(LayerParts.Ipv6Fragment);
    }

    internal static bool TryGetPayload(in HeaderLayer l, ReadOnlySpan<byte> frame, out ReadOnlySpan<byte> payload)
    {
        // The frame must be the decoded one; a mismatched (shorter) frame yields no value rather than an exception.
        if (!l.Has(LayerParts.Payload) || l.PayloadLength < 0 || (long)l.PayloadOffset + l.PayloadLength > frame.Length)
        {
            payload = default;
            return false;
        }
        payload = frame.Slice(l.PayloadOffset, l.PayloadLength);
        return true;
    }

    internal static bool TryGetPayloadHash(in HeaderLayer l, ReadOnlySpan<byte> frame, out long value)
    {
        if (!TryGetPayload(in l, frame, out var payload))
        {
            value = 0;
            return false;
        }
        value = (long)XxHash3.HashToUInt64(payload);
        return true;
    }

    /// <summary>
    /// Hash of the tenant's 5-tuple, with endpoints ordered so both directions agree, plus what separates tenants
    /// whose addresses overlap: the innermost VXLAN VNI (else Geneve VNI, else GRE key) and the first VLAN id of the
    /// outer and of the tenant frame. The tenant frame is the innermost tunnel frame when there is one.
    /// </summary>
    internal static bool TryGetFlowKey(in DecodedPacket p, out long value)
    {
        ref readonly var l = ref p.HasTunnel && (p.Inner.Has(LayerParts.Ipv4) || p.Inner.Has(LayerParts.Ipv6)) ? ref p.Inner : ref p.Outer;
        UInt128 a, b;
        if (l.Has(LayerParts.Ipv4))
        {
            a = l.Ipv4Src;
            b = l.Ipv4Dst;
        }
        else if (l.Has(LayerParts.Ipv6))
        {
            a = l.Ipv6Src;
            b = l.Ipv6Dst;
        }
        else
        {
            value = 0;
            return false;
        }
        ushort portA = 0, portB = 0;
        if (l.Has(LayerParts.Tcp) || l.Has(LayerParts.Udp))
        {
            portA = l.SrcPort;
            portB = l.DstPort;
        }
        if (a > b || (a == b && portA > portB))
        {
            (a, b) = (b, a);
            (portA, portB) = (portB, portA);
        }
        Span<byte> key = stackalloc byte[FlowKeyBytes];
        BinaryPrimitives.WriteUInt128BigEndian(key, a);
        BinaryPrimitives.WriteUInt16BigEndian(key[16..], portA);
        BinaryPrimitives.WriteUInt128BigEndian(key[18..], b);
        BinaryPrimitives.WriteUInt16BigEndian(key[34..], portB);
        key[36] = l.L4Proto;
        var tunnelId = p.HasVxlan ? p.InnermostVni : p.HasGeneve ? p.GeneveVni : p.HasGreKey ? p.GreKey : NoTunnelId;
        BinaryPrimitives.WriteUInt32BigEndian(key[37..], tunnelId);
        BinaryPrimitives.WriteUInt16BigEndian(key[41..], p.Outer.Has(LayerParts.Vlan) ? p.Outer.VlanIds[0] : NoVlan);
        BinaryPrimitives.WriteUInt16BigEndian(key[43..], l.Role != LayerRole.Outer && l.Has(LayerParts.Vlan) ? l.VlanIds[0] : NoVlan);
        value = (long)XxHash3.HashToUInt64(key);
        return true;
    }
}
