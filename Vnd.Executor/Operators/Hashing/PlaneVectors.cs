using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Vnd.Executor.Operators.Hashing;

/// <summary>
/// Packs a column of two- or four-byte integers (int2, int4, inet4) into its field of contiguous key words — one-word
/// keys, or a plane of <see cref="PairPlaneEncoder"/> — a Vector256 of values at a time: load, widen to ulong, mask,
/// shift, OR into the words. The scalar loop it replaces read, ORed and wrote back one word a row per column.
/// </summary>
internal static class PlaneVectors
{
    /// <summary>ORs <c>(values[k] &amp; mask) &lt;&lt; shift</c> into <c>words[k]</c> for every k and returns the OR of
    /// the values widened to ulong. The OR is taken in T and widened once: for a signed T its sign extension is the OR
    /// of the sign-extended values (the high bits are set exactly when some value is negative).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Put<T>(ReadOnlySpan<T> values, Span<ulong> words, int shift, ulong mask)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        if (Unsafe.SizeOf<T>() is not (2 or 4) || words.Length < values.Length)
            throw new ArgumentException("two- or four-byte values, a word each", nameof(values));
        var k = 0;
        var all = Vector256<T>.Zero;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var from = ref MemoryMarshal.GetReference(values);
            ref var to = ref MemoryMarshal.GetReference(words);
            var masks = Vector256.Create(mask);
            // Both spans hold values.Length elements; the loop stops a vector short of the end.
            for (; k <= values.Length - Vector256<T>.Count; k += Vector256<T>.Count)
            {
                var v = Vector256.LoadUnsafe(ref from, (nuint)k);
                all |= v;
                if (Unsafe.SizeOf<T>() == 4)
                {
                    Or(ref to, k, v.AsUInt32(), masks, shift);
                }
                else
                {
                    var (low, high) = Vector256.Widen(v.AsUInt16());
                    Or(ref to, k, low, masks, shift);
                    Or(ref to, k + 8, high, masks, shift);
                }
            }
        }
        var lanes = T.Zero;
        for (var i = 0; i < Vector256<T>.Count; i++)
            lanes |= all[i];
        var seen = ulong.CreateTruncating(lanes);
        for (; k < values.Length; k++)
        {
            var value = ulong.CreateTruncating(values[k]);
            seen |= value;
            words[k] |= (value & mask) << shift;
        }
        return seen;
    }

    /// <summary>ORs eight four-byte values, each masked and shifted into its field, into words k to k + 7.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Or(ref ulong to, int k, Vector256<uint> values, Vector256<ulong> masks, int shift)
    {
        var (lower, upper) = Vector256.Widen(values);
        (Vector256.LoadUnsafe(ref to, (nuint)k) | ((lower & masks) << shift)).StoreUnsafe(ref to, (nuint)k);
        (Vector256.LoadUnsafe(ref to, (nuint)k + 4) | ((upper & masks) << shift)).StoreUnsafe(ref to, (nuint)k + 4);
    }
}
