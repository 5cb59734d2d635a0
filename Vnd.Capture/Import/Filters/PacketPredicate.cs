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

    /// <summary>
    /// Whether the outcome may depend on more than which layer parts the packet has: false means every packet with
    /// the same parts gets the same answer, so the importer decides a common frame kind once (from its sample).
    /// </summary>
    internal virtual bool ReadsValues => true;
}
