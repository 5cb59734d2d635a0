using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;

namespace Vnd.Capture.Import.Columns;

/// <summary>
/// Appends exactly one value per packet to one trace-table column: the first of its fields that the packet has
/// (paper Fig. 7b fills <c>src_port</c> from <c>tcp.src</c> or <c>udp.src</c>), or NULL when none is present.
/// One virtual call per column per packet; the typed loop inside needs no boxing.
/// </summary>
public abstract class ColumnFiller(FieldDescriptor[] fields)
{
    protected FieldDescriptor[] Fields { get; } = fields;

    public abstract void Fill(in DecodedPacket packet, ReadOnlySpan<byte> frame);
}
