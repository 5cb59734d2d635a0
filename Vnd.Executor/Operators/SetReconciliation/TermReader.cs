using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Operators.SetReconciliation;

/// <summary>
/// Evaluates a decomposed aggregate's terms over a batch's live rows as 64-bit integers: integers widened,
/// timestamps in microseconds (PostgreSQL's interval unit). A row is unusable when a term is NULL (the aggregate would
/// skip it, which the per-site sums cannot) or a nanosecond timestamp is not a whole microsecond (a difference
/// floors to microseconds per row, which is not linear). Buffers are reused from batch to batch.
/// </summary>
internal sealed class TermReader
{
    private readonly Expression[] _terms;
    private readonly EvaluationScratch _scratch = new();

    public TermReader(Expression[] terms)
    {
        _terms = terms;
        Values = new long[terms.Length][];
        for (var t = 0; t < terms.Length; t++)
            Values[t] = new long[Batch.Capacity];
    }

    public int Count => _terms.Length;

    /// <summary>Values[t][k]: term t of <c>batch.Rows[k]</c>.</summary>
    public long[][] Values { get; }

    public bool[] Unusable { get; } = new bool[Batch.Capacity];

    public void Read(Batch batch)
    {
        var rows = batch.Rows;
        Array.Clear(Unusable, 0, rows.Length);
        for (var t = 0; t < _terms.Length; t++)
        {
            var vector = _terms[t].EvaluateToVector(batch, _scratch);
            var values = Values[t];
            var nanos = _terms[t].Type.Id is TypeId.Timestamp or TypeId.TimestampTz && _terms[t].Type.Unit == TimeUnit.Nanosecond;
            var stride = vector.IsConstant ? 0 : 1;
            for (var k = 0; k < rows.Length; k++)
            {
                var row = rows[k] * stride;
                if (vector.IsNull(row))
                {
                    Unusable[k] = true;
                    continue;
                }
                long value = vector.PhysicalType switch
                {
                    PhysicalType.Int16 => vector.Get<short>(row),
                    PhysicalType.Int32 => vector.Get<int>(row),
                    PhysicalType.Int64 => vector.Get<long>(row),
                    _ => throw new InvalidOperationException($"a decomposed aggregate's term is an integer or a timestamp, not {vector.PhysicalType}"),
                };
                if (nanos)
                {
                    Unusable[k] |= value % 1000 != 0;
                    value /= 1000;
                }
                values[k] = value;
            }
            _scratch.Release(vector);
        }
    }
}
