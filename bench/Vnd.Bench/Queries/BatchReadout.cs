using Vnd.Executor.Vectors;

namespace Vnd.Bench.Queries;

/// <summary>
/// Reads every active value of a VND result batch with typed access, as a client of the embedded API would, and
/// folds it into a checksum. One switch per column per batch; the per-value loops are over spans.
/// </summary>
public static class BatchReadout
{
    public static long Read(Batch batch)
    {
        long sum = 0;
        var rows = batch.Rows;
        for (var c = 0; c < batch.ColumnCount; c++)
        {
            var vector = batch[c];
            var constant = vector.IsConstant;
            sum += vector.PhysicalType switch
            {
                PhysicalType.Bool => Sum<byte>(vector, rows, constant),
                PhysicalType.Int16 => Sum<short>(vector, rows, constant),
                PhysicalType.Int32 => Sum<int>(vector, rows, constant),
                PhysicalType.Inet4 => Sum<uint>(vector, rows, constant),
                PhysicalType.Int64 or PhysicalType.MacAddr => Sum<long>(vector, rows, constant),
                PhysicalType.Float64 => Sum<double>(vector, rows, constant),
                PhysicalType.Decimal => Sum<decimal>(vector, rows, constant),
                PhysicalType.Interval => Sum<PgInterval>(vector, rows, constant),
                PhysicalType.Inet => Sum<InetValue>(vector, rows, constant),
                PhysicalType.VarBytes => SumBytes(vector, rows),
                _ => 0,
            };
        }
        return sum;
    }

    private static long Sum<T>(Vector vector, ReadOnlySpan<int> rows, bool constant) where T : unmanaged
    {
        var data = vector.Data<T>();
        long sum = 0;
        foreach (var row in rows)
        {
            var r = constant ? 0 : row;
            if (vector.IsValid(r))
                sum += data[r].GetHashCode();
        }
        return sum;
    }

    private static long SumBytes(Vector vector, ReadOnlySpan<int> rows)
    {
        long sum = 0;
        foreach (var row in rows)
        {
            if (vector.IsValid(row))
                sum += vector.GetBytes(row).Length;
        }
        return sum;
    }
}
