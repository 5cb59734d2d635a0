using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.SetReconciliation;

/// <summary>
/// Evaluates an integer join key over a batch's live rows, widened to 64 bits (int2, int4 and int8 keys meet by
/// value, as in the hash join), with NULLs flagged. Buffers are reused from batch to batch.
/// </summary>
internal sealed class IntegerKeyReader(Expression key)
{
    private readonly EvaluationScratch _scratch = new();

    public long[] Values { get; } = new long[Batch.Capacity];

    public bool[] IsNull { get; } = new bool[Batch.Capacity];

    /// <summary>Key k of the result belongs to <c>batch.Rows[k]</c>; returns the number of keys.</summary>
    public int Read(Batch batch)
    {
        var vector = key.EvaluateToVector(batch, _scratch);
        var rows = batch.Rows;
        for (var k = 0; k < rows.Length; k++)
        {
            var row = rows[k];
            IsNull[k] = vector.IsNull(row);
            Values[k] = IsNull[k] ? 0 : vector.PhysicalType switch
            {
                PhysicalType.Int16 => vector.Get<short>(row),
                PhysicalType.Int32 => vector.Get<int>(row),
                PhysicalType.Int64 => vector.Get<long>(row),
                _ => throw new InvalidOperationException($"set reconciliation needs an integer key, not {vector.PhysicalType}"),
            };
        }
        _scratch.Release(vector);
        return rows.Length;
    }
}
