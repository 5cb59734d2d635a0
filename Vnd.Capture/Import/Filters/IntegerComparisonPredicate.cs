using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;
using Vnd.Capture.ParseConfigs;

namespace Vnd.Capture.Import.Filters;

/// <summary><c>field &lt; v</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c> on an integer or timestamp field.</summary>
public sealed class IntegerComparisonPredicate(FieldDescriptor field, ComparisonOperator op, long operand) : PacketPredicate
{
    public override bool Matches(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        if (!FieldReader.TryGetInt64(in packet, frame, field.Id, out var value))
            return false;
        return op switch
        {
            ComparisonOperator.Less => value < operand,
            ComparisonOperator.LessOrEqual => value <= operand,
            ComparisonOperator.Greater => value > operand,
            _ => value >= operand,
        };
    }
}
