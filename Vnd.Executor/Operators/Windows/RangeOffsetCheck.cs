using Vnd.Executor.Expressions;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Windows;

/// <summary>
/// PostgreSQL's run-time checks of RANGE offsets, made once when the first row arrives (no rows, no check, as in
/// PostgreSQL): NULL is 22004, a negative (or NaN) offset 22013.
/// </summary>
internal static class RangeOffsetCheck
{
    public static void Check(RangeOffsets? offsets, Batch batch, EvaluationScratch scratch)
    {
        if (offsets is null)
            return;
        Check(offsets.StartOffset, "starting", batch, scratch);
        Check(offsets.EndOffset, "ending", batch, scratch);
    }

    private static void Check(Expression? offset, string which, Batch batch, EvaluationScratch scratch)
    {
        if (offset is null)
            return;
        var vector = offset.EvaluateToVector(batch, scratch);
        var row = batch.Rows[0];
        try
        {
            if (vector.IsNull(row))
                throw new ExecutionException("22004", $"frame {which} offset must not be null");
            var negative = vector.PhysicalType switch
            {
                PhysicalType.Int16 => vector.Get<short>(row) < 0,
                PhysicalType.Int32 => vector.Get<int>(row) < 0,
                PhysicalType.Int64 => vector.Get<long>(row) < 0,
                PhysicalType.Float64 => !(vector.Get<double>(row) >= 0),
                PhysicalType.Decimal => vector.Get<decimal>(row) < 0,
                PhysicalType.Interval => vector.Get<PgInterval>(row).CompareTo(default) < 0,
                _ => false,
            };
            if (negative)
                throw new ExecutionException("22013", "invalid preceding or following size in window function");
        }
        finally
        {
            scratch.Release(vector);
        }
    }
}
