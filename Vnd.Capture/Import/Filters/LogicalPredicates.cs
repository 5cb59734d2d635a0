using Vnd.Capture.Decoding;

namespace Vnd.Capture.Import.Filters;

/// <summary>Both sides hold; the right side is not evaluated when the left fails.</summary>
public sealed class AndPredicate(PacketPredicate left, PacketPredicate right) : PacketPredicate
{
    public override bool Matches(in DecodedPacket packet, ReadOnlySpan<byte> frame)
        => left.Matches(in packet, frame) && right.Matches(in packet, frame);

    internal override bool ReadsValues => left.ReadsValues || right.ReadsValues;
}

/// <summary>Either side holds.</summary>
public sealed class OrPredicate(PacketPredicate left, PacketPredicate right) : PacketPredicate
{
    public override bool Matches(in DecodedPacket packet, ReadOnlySpan<byte> frame)
        => left.Matches(in packet, frame) || right.Matches(in packet, frame);

    internal override bool ReadsValues => left.ReadsValues || right.ReadsValues;
}

/// <summary>Plain negation (a capture filter has no unknown truth value).</summary>
public sealed class NotPredicate(PacketPredicate operand) : PacketPredicate
{
    public override bool Matches(in DecodedPacket packet, ReadOnlySpan<byte> frame) => !operand.Matches(in packet, frame);

    internal override bool ReadsValues => operand.ReadsValues;
}
