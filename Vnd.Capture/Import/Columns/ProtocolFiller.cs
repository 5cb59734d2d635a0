using Vnd.Capture.Fields;
using Vnd.Capture.Import.Filters;
using Vnd.Executor.Storage.Builders;

namespace Vnd.Capture.Import.Columns;

/// <summary>A column named by protocol (<c>tcp as is_tcp</c>): true when the packet has the protocol, else false, never NULL.</summary>
internal sealed class ProtocolFiller(FieldDescriptor[] markers, BoolColumnBuilder builder) : ColumnFiller(markers)
{
    private readonly FieldPresentPredicate[] _present = Array.ConvertAll(markers, m => new FieldPresentPredicate(m));

    public override void Fill(PacketBatch batch, ReadOnlySpan<int> rows)
    {
        var packets = batch.Packets;
        foreach (var row in rows)
        {
            var has = false;
            foreach (var present in _present)
            {
                if (present.Matches(in packets[row], batch.Frame(row)))
                {
                    has = true;
                    break;
                }
            }
            builder.Append(has);
        }
    }
}
