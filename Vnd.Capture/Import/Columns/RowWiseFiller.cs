using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;
using Vnd.Executor.Storage.Builders;

namespace Vnd.Capture.Import.Columns;

/// <summary>
/// A column of a type read one packet and one field at a time (booleans, IPv6-capable addresses, MACs, text,
/// bytes): for each row the first field the packet has is appended, else NULL. These columns are rare in trace
/// tables, so they keep the general readers rather than slots.
/// </summary>
internal abstract class RowWiseFiller(FieldDescriptor[] fields, ColumnBuilder builder) : ColumnFiller(fields)
{
    public sealed override void Fill(PacketBatch batch, ReadOnlySpan<int> rows)
    {
        var packets = batch.Packets;
        foreach (var row in rows)
        {
            var appended = false;
            foreach (var field in Fields)
            {
                if (TryAppend(in packets[row], batch.Frame(row), field))
                {
                    appended = true;
                    break;
                }
            }
            if (!appended)
                builder.AppendNull();
        }
    }

    /// <summary>Appends <paramref name="field"/>'s value when the packet has it.</summary>
    protected abstract bool TryAppend(in DecodedPacket packet, ReadOnlySpan<byte> frame, FieldDescriptor field);
}
