using System.IO.Hashing;
using System.Runtime.CompilerServices;

namespace Vnd.Executor.Storage.Sketches;

/// <summary>
/// The hash persisted sketches are built from. It is fixed forever (a sketch written today is merged with one
/// written next year), so it is its own definition rather than the executor's hash-table hash, which may be
/// tuned: SplitMix64's finaliser for values up to eight bytes (a bijection with full avalanche, so sequential
/// packet ids spread evenly over the registers) and XXH3-64 for byte strings.
/// </summary>
public static class SketchHash
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(ulong value)
    {
        var z = value + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong Of(ReadOnlySpan<byte> value) => XxHash3.HashToUInt64(value);
}
