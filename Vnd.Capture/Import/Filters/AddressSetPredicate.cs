using System.Buffers.Binary;
using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;

namespace Vnd.Capture.Import.Filters;

/// <summary>
/// <c>field ∈ {addresses and CIDR prefixes}</c>. Addresses compare as 128-bit numbers with IPv4 mapped into
/// ::ffff:0:0/96, so an IPv4 prefix never matches an IPv6 address and vice versa.
/// </summary>
public sealed class AddressSetPredicate(FieldDescriptor field, UInt128[] networks, UInt128[] masks, bool negated) : PacketPredicate
{
    public override bool Matches(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        Span<byte> address = stackalloc byte[16];
        if (!FieldReader.TryGetAddress(in packet, field.Id, address, out var length))
            return false;
        var value = ToMapped(address[..length]);
        var found = false;
        for (var i = 0; i < networks.Length; i++)
        {
            if ((value & masks[i]) == networks[i])
            {
                found = true;
                break;
            }
        }
        return found != negated;
    }

    /// <summary>An address as a 128-bit number, IPv4 mapped to ::ffff:a.b.c.d.</summary>
    public static UInt128 ToMapped(ReadOnlySpan<byte> address) => address.Length == 4
        ? new UInt128(0, 0xFFFF_0000_0000UL | BinaryPrimitives.ReadUInt32BigEndian(address))
        : BinaryPrimitives.ReadUInt128BigEndian(address);

    /// <summary>The mask of a prefix length counted over the mapped 128-bit form.</summary>
    public static UInt128 Mask(int prefixLength, bool isV4)
    {
        var bits = isV4 ? 96 + prefixLength : prefixLength;
        return bits == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - bits);
    }
}
