using Vnd.Capture.Fields;

namespace Vnd.Capture.Import.Columns;

/// <summary>
/// Appends exactly one value per row to one trace-table column: the first of its fields that the packet has
/// (paper Fig. 7b fills <c>src_port</c> from <c>tcp.src</c> or <c>udp.src</c>), or NULL when none is present.
/// Columns are filled a run of rows at a time: one virtual call per column per run, typed loops inside.
/// </summary>
internal abstract class ColumnFiller(FieldDescriptor[] fields)
{
    /// <summary>The fields tried in order for each row.</summary>
    public FieldDescriptor[] Fields { get; } = fields;

    /// <summary>Whether a value needs the frame's bytes, so the batch must keep copies of them.</summary>
    public bool ReadsFrames
    {
        get
        {
            foreach (var descriptor in Fields)
            {
                if (descriptor.Kind == FieldKind.Bytes || FieldIds.BaseOf(descriptor.Id) == FieldId.VndPayloadHash)
                    return true;
            }
            return false;
        }
    }

    /// <summary>Appends one value for each of <paramref name="rows"/> (indexes into <paramref name="batch"/>), in order.</summary>
    public abstract void Fill(PacketBatch batch, ReadOnlySpan<int> rows);
}
