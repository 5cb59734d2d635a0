using Vnd.Executor.Vectors;

namespace Vnd.Executor.Expressions;

/// <summary>
/// Helpers for function kernels that are not plain unary/binary loops: prepare the result (constant when every
/// argument is), and test whether any argument is NULL at a row.
/// </summary>
public static class RowKernel
{
    /// <summary>Resets the result flat or constant to match the arguments; returns the per-argument strides.</summary>
    public static void Prepare(ReadOnlySpan<Vector> arguments, Vector result)
    {
        var constant = arguments.Length > 0;
        foreach (var a in arguments)
            constant &= a.IsConstant;
        if (constant)
            result.ResetConstant();
        else
            result.ResetFlat();
    }

    public static bool AnyNull(ReadOnlySpan<Vector> arguments, int row)
    {
        foreach (var a in arguments)
        {
            if (a.IsNull(row))
                return true;
        }
        return false;
    }

    /// <summary>Runs a NULL-propagating row body over the live rows (slow-path functions: strings, inet).</summary>
    public static void Each(ReadOnlySpan<Vector> arguments, Vector result, ReadOnlySpan<int> rows, RowBody body)
    {
        Prepare(arguments, result);
        foreach (var i in rows)
        {
            if (AnyNull(arguments, i))
                result.SetNull(i);
            else
                body(arguments, result, i);
        }
    }
}

/// <summary>Computes one row of a function whose arguments are all non-NULL at that row.</summary>
public delegate void RowBody(ReadOnlySpan<Vector> arguments, Vector result, int row);
