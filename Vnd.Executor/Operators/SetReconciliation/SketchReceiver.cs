using Vnd.Executor.Execution;
using Vnd.Executor.Remote;

namespace Vnd.Executor.Operators.SetReconciliation;

/// <summary>Reads another site's <see cref="SetSketchBuildOperator"/> output (header row, then cell chunks) into a table.</summary>
internal static class SketchReceiver
{
    /// <summary>The header and cells from the sketch's rows; anything out of order or size means a damaged stream.</summary>
    public static SetSketchHeader Receive(PhysicalOperator sketch, InvertibleBloomLookupTable into, QueryContext context)
    {
        SetSketchHeader? header = null;
        long received = 0;
        var expected = (long)into.Cells * InvertibleBloomLookupTable.CellBytes;
        using (var chunks = sketch.Open(context))
        {
            while (chunks.Next() is { } batch)
            {
                foreach (var row in batch.Rows)
                {
                    var offset = batch[0].IsNull(row) ? long.MinValue : batch[0].Get<long>(row);
                    var chunk = batch[1].IsNull(row) ? default : batch[1].GetBytes(row);
                    if (header is null)
                    {
                        header = offset == -1 ? SetSketchHeader.Read(chunk) : null;
                        if (header is not { } h || h.Cells != into.Cells)
                            throw Damaged($"no header for a table of {into.Cells} cells");
                        continue;
                    }
                    if (offset != received || chunk.IsEmpty || chunk.Length % InvertibleBloomLookupTable.CellBytes != 0 ||
                        chunk.Length > expected - offset)
                        throw Damaged($"a chunk of {chunk.Length} bytes at {offset} after {received} bytes");
                    into.ReadFrom(chunk, (int)(offset / InvertibleBloomLookupTable.CellBytes));
                    received += chunk.Length;
                }
            }
        }
        if (header is null || received != expected)
            throw Damaged($"{received} of {expected} bytes");
        return header.Value;
    }

    private static ExecutionException Damaged(string what) =>
        new(RemoteSqlStates.ProtocolViolation, $"the set sketch received for set reconciliation is damaged: {what}");
}
