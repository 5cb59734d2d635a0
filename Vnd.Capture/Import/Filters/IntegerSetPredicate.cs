using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;

namespace Vnd.Capture.Import.Filters;

/// <summary>
/// <c>field ∈ {values and ranges}</c> for integer, boolean and MAC fields (and its negation for <c>!=</c>/not in:
/// a present value outside the set). Value sets are small, so a linear scan over two arrays beats hashing.
/// </summary>
public sealed class IntegerSetPredicate(FieldDescriptor field, long[] lows, long[] highs, bool negated) : PacketPredicate
{
    public override bool Matches(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        if (!TryRead(in packet, frame, out var value))
            return false;
        var found = false;
        for (var i = 0; i < lows.Length; i++)
        {
            if (value >= lows[i] && value <= highs[i])
            {
                found = true;
                break;
            }
        }
        return found != negated;
    }

    private bool TryRead(in DecodedPacket packet, ReadOnlySpan<byte> frame, out long value)
    {
        switch (field.Kind)
        {
            case FieldKind.Boolean:
                var ok = FieldReader.TryGetBool(in packet, field.Id, out var b);
                value = b ? 1 : 0;
                return ok;
            case FieldKind.Mac:
                var present = FieldReader.TryGetMac(in packet, field.Id, out var mac);
                value = (long)mac;
                return present;
            default:
                return FieldReader.TryGetInt64(in packet, frame, field.Id, out value);
        }
    }
}
