using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;
using Vnd.Capture.Import.Filters;
using Vnd.Executor.Storage.Builders;

namespace Vnd.Capture.Import.Columns;

/// <summary>A column named by protocol (<c>tcp as is_tcp</c>): true when the packet has the protocol, else false, never NULL.</summary>
public sealed class ProtocolFiller(FieldDescriptor[] markers, BoolColumnBuilder builder) : ColumnFiller(markers)
{
    private readonly FieldPresentPredicate[] _present = Array.ConvertAll(markers, m => new FieldPresentPredicate(m));

    public override void Fill(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        foreach (var present in _present)
        {
            if (present.Matches(in packet, frame))
            {
                builder.Append(true);
                return;
            }
        }
        builder.Append(false);
    }
}
