using Vnd.Executor.Vectors;
using Vnd.Planner.Errors;
using Vnd.Planner.Types;

namespace Vnd.Executor.Expressions;

/// <summary>
/// width_bucket(operand, low, high, count) — histograms of packet sizes or delays — with PostgreSQL's rules
/// (bucket 0 below the range, count + 1 at or above it, reversed ranges, 2201G for count ≤ 0, equal bounds or
/// NaN), and random(), volatile: a fresh value in [0, 1) for every row.
/// </summary>
internal static class BucketAndRandomFunctions
{
    public static Expression? Resolve(string name, IReadOnlyList<Expression> a)
    {
        switch (name)
        {
            case "width_bucket" when a.Count == 4:
                Expression[] args = [.. a.Take(3).Select(x => TypeUnification.To(x, SqlType.Float8)), TypeUnification.To(a[3], SqlType.Int4)];
                return new FunctionExpression(name, SqlType.Int4, args, (values, r, rows) => RowKernel.Each(values, r, rows, WidthBucket));
            case "random" when a.Count == 0:
                return new FunctionExpression(name, SqlType.Float8, [], Random);
            default:
                return null;
        }
    }

    private static void WidthBucket(ReadOnlySpan<Vector> args, Vector result, int row)
    {
        var operand = args[0].Get<double>(row);
        var low = args[1].Get<double>(row);
        var high = args[2].Get<double>(row);
        var count = args[3].Get<int>(row);
        if (count <= 0)
            throw Invalid("count must be greater than zero");
        if (double.IsNaN(operand) || double.IsNaN(low) || double.IsNaN(high))
            throw Invalid("operand, lower bound, and upper bound cannot be NaN");
        if (!double.IsFinite(low) || !double.IsFinite(high))
            throw Invalid("lower and upper bounds must be finite");
        if (low == high)
            throw Invalid("lower bound cannot equal upper bound");
        long bucket;
        if (low < high)
            bucket = operand < low ? 0 : operand >= high ? count + 1L : Inside(count * (operand - low) / (high - low), count);
        else
            bucket = operand > low ? 0 : operand <= high ? count + 1L : Inside(count * (low - operand) / (low - high), count);
        if (bucket > int.MaxValue)
            ExecutionErrors.OutOfRange(SqlType.Int4);
        result.Set(row, (int)bucket);
    }

    /// <summary>The bucket of a value inside the range; a quotient that rounds up to count stays in the last bucket.</summary>
    private static long Inside(double scaled, int count) => Math.Min((long)scaled, count - 1L) + 1;

    private static void Random(ReadOnlySpan<Vector> args, Vector result, ReadOnlySpan<int> rows)
    {
        result.ResetFlat();
        var values = result.Data<double>();
        foreach (var i in rows)
            values[i] = System.Random.Shared.NextDouble();
    }

    private static ExecutionException Invalid(string message) => new(SqlState.InvalidArgumentForWidthBucket, message);
}
