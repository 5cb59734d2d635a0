using Apache.Arrow;

namespace Vnd.Executor.Remote;

/// <summary>
/// How EXPLAIN ANALYZE counts the bytes that cross an exchange: the Arrow IPC body of each record batch — every
/// buffer of every column (validity, offsets, values), each padded to the 8-byte boundary the IPC format aligns
/// buffers to. The per-message flatbuffer header, gRPC framing and HTTP/2 overhead are left out: they do not grow
/// with the data and the planner does not predict them. The Flight path counts the record batches it receives; the
/// in-process path converts its batches with the same <see cref="BatchArrowWriter"/> a table server streams with
/// and counts those, so both report the same figure for the same rows.
/// </summary>
public static class ArrowIpcSize
{
    public static long Of(RecordBatch batch)
    {
        long bytes = 0;
        for (var c = 0; c < batch.ColumnCount; c++)
            bytes += Of(batch.Column(c).Data);
        return bytes;
    }

    private static long Of(ArrayData data)
    {
        long bytes = 0;
        foreach (var buffer in data.Buffers)
            bytes += Padded(buffer.Length);
        // Primitive and binary arrays have no children (null, not empty).
        if (data.Children is { } children)
        {
            foreach (var child in children)
                bytes += Of(child);
        }
        return bytes;
    }

    private static long Padded(int length) => (length + 7L) & ~7L;
}
