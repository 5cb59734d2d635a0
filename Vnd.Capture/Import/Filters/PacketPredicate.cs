using Vnd.Capture.Decoding;

namespace Vnd.Capture.Import.Filters;

/// <summary>
/// A compiled parse-configuration filter node. Semantics follow capture filters (tshark display filters), not SQL:
/// a comparison on a field the packet does not have is false, and <c>not</c> is plain negation, so
/// <c>not tcp.dst = 80</c> keeps UDP packets.
/// </summary>
public abstract class PacketPredicate
{
    public abstract bool Matches(in DecodedPacket packet, ReadOnlySpan<byte> frame);
}
