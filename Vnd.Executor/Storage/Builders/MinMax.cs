using System.Numerics;
using System.Runtime.CompilerServices;

namespace Vnd.Executor.Storage.Builders;

/// <summary>
/// Minimum and maximum of a batch, computed once at flush (not per append) so the append path stays a
/// store. Integers use SIMD; floating point is scalar because NaN must be skipped, not propagated.
/// </summary>
internal static class MinMax
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import: fully optimised from the first call (see TraceImporter)
    public static bool Of<T>(ReadOnlySpan<T> values, out T min, out T max)
        where T : unmanaged, INumber<T>
    {
        min = max = T.Zero;
        if (values.IsEmpty)
            return false;
        if (typeof(T) == typeof(double) || typeof(T) == typeof(float))
            return OfFloating(values, out min, out max);

        var i = 0;
        min = max = values[0];
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported && values.Length >= 2 * Vector<T>.Count)
        {
            var vmin = new Vector<T>(values);
            var vmax = vmin;
            for (i = Vector<T>.Count; i <= values.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var v = new Vector<T>(values[i..]);
                vmin = Vector.Min(vmin, v);
                vmax = Vector.Max(vmax, v);
            }
            for (var lane = 0; lane < Vector<T>.Count; lane++)
            {
                min = T.Min(min, vmin[lane]);
                max = T.Max(max, vmax[lane]);
            }
        }
        for (; i < values.Length; i++)
        {
            min = T.Min(min, values[i]);
            max = T.Max(max, values[i]);
        }
        return true;
    }

    /// <summary>Same, skipping slots whose validity bit is clear (batches that contain nulls).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import: fully optimised from the first call (see TraceImporter)
    public static bool OfValid<T>(ReadOnlySpan<T> values, ReadOnlySpan<byte> validity, out T min, out T max)
        where T : unmanaged, INumber<T>
    {
        min = max = T.Zero;
        var found = false;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if ((validity[i >> 3] & (1 << (i & 7))) == 0 || T.IsNaN(v))
                continue;
            if (!found)
            {
                min = max = v;
                found = true;
            }
            else if (v < min)
                min = v;
            else if (v > max)
                max = v;
        }
        return found;
    }

    private static bool OfFloating<T>(ReadOnlySpan<T> values, out T min, out T max)
        where T : unmanaged, INumber<T>
    {
        min = max = T.Zero;
        var found = false;
        foreach (var v in values)
        {
            if (T.IsNaN(v))
                continue;
            if (!found)
            {
                min = max = v;
                found = true;
            }
            else if (v < min)
                min = v;
            else if (v > max)
                max = v;
        }
        return found;
    }
}
