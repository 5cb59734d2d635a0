using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators;

/// <summary>
/// Passes its input's batches on narrowed to the rows <see cref="Select"/> keeps (a Bloom-filter probe, a reconciled
/// key set), skipping batches that keep none.
/// </summary>
internal abstract class RowSelectingStream(OperatorStream input) : OperatorStream
{
    private readonly int[] _selection = new int[Batch.Capacity];

    /// <summary>Writes the kept rows of <paramref name="batch"/> (from <c>batch.Rows</c>, in order) into <paramref name="selection"/>; returns how many.</summary>
    protected abstract int Select(Batch batch, int[] selection);

    public override Batch? Next()
    {
        while (input.Next() is { } batch)
        {
            // Select never writes past the row it reads, so narrowing in place is safe even when the batch's selection is ours.
            var kept = Select(batch, _selection);
            batch.SetSelection(_selection, kept);
            if (kept > 0)
                return batch;
        }
        return null;
    }

    protected override void Dispose(bool disposing) => input.Dispose();
}
