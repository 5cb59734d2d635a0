using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vnd.Executor.Storage.Sketches;

/// <summary>
/// A HyperLogLog distinct-count sketch over 64-bit hashes with 2^12 registers (relative standard error
/// 1.04/√4096 ≈ 1.6%). Small enough to keep per column per segment in the manifest (≤ 3 KiB packed, see
/// <see cref="HyperLogLogCodec"/>), and sketches of segments merge by register-wise maximum into the table's.
/// The estimate is Ertl's improved estimator ("New cardinality estimation algorithms for HyperLogLog
/// sketches", 2017), which is unbiased from 0 to far beyond 2^32 without HLL++'s empirical bias tables.
/// Adding a hash is a shift, a leading-zero count and a compare: no allocation.
/// </summary>
public sealed partial class HyperLogLog
{
    public const int Precision = 12;
    public const int RegisterCount = 1 << Precision;

    /// <summary>Largest register value: the 52 hash bits left after the index, all zero, plus one.</summary>
    public const int MaxRank = 64 - Precision + 1;

    private readonly byte[] _registers = new byte[RegisterCount];

    /// <summary>The registers (rank of the longest zero run seen per bucket); read by the codec.</summary>
    internal ReadOnlySpan<byte> Registers => _registers;

    /// <summary>Adds the 64-bit hash of a value; the same value always gives the same hash, so repeats count once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ulong hash)
    {
        var index = (int)(hash >> (64 - Precision));
        // The low bit set below the used bits caps the rank at MaxRank when they are all zero.
        var rank = (byte)(BitOperations.LeadingZeroCount((hash << Precision) | (1UL << (Precision - 1))) + 1);
        ref var register = ref _registers[index];
        if (rank > register)
            register = rank;
    }

    /// <summary>
    /// <see cref="Add"/> for every hash, without a branch per hash: the register takes the larger rank
    /// unconditionally (a compare and a conditional move), so repeated or random values cost no misprediction.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import: fully optimised from the first call (see TraceImporter)
    public void AddAll(ReadOnlySpan<ulong> hashes)
    {
        ref var registers = ref MemoryMarshal.GetArrayDataReference(_registers);
        foreach (var hash in hashes)
        {
            // The index has Precision bits: always inside the RegisterCount registers.
            ref var register = ref Unsafe.Add(ref registers, (nint)(hash >> (64 - Precision)));
            var rank = (byte)(BitOperations.LeadingZeroCount((hash << Precision) | (1UL << (Precision - 1))) + 1);
            register = Math.Max(register, rank);
        }
    }

    /// <summary>Folds <paramref name="other"/> in: the result counts the union of both value sets.</summary>
    public void Merge(HyperLogLog other)
    {
        var mine = _registers.AsSpan();
        var theirs = other._registers.AsSpan();
        for (var i = 0; i < mine.Length; i++)
        {
            if (theirs[i] > mine[i])
                mine[i] = theirs[i];
        }
    }

    /// <summary>Sets register <paramref name="index"/> (decoding); ranks above <see cref="MaxRank"/> are rejected by the codec.</summary>
    internal void Set(int index, byte rank) => _registers[index] = rank;

    public void Clear() => Array.Clear(_registers);

    /// <summary>The estimated number of distinct values added.</summary>
    public double Estimate()
    {
        Span<int> histogram = stackalloc int[MaxRank + 1];
        foreach (var register in _registers)
            histogram[register]++;
        const double m = RegisterCount;
        var z = m * Tau(1 - histogram[MaxRank] / m);
        for (var k = MaxRank - 1; k >= 1; k--)
            z = 0.5 * (z + histogram[k]);
        z += m * Sigma(histogram[0] / m);
        if (double.IsPositiveInfinity(z))
            return 0; // every register empty: nothing was added
        return m * m / (2 * Math.Log(2)) / z;
    }

    private static double Sigma(double x)
    {
        if (x == 1)
            return double.PositiveInfinity;
        double y = 1, z = x, previous;
        do
        {
            x *= x;
            previous = z;
            z += x * y;
            y += y;
        }
        while (z != previous);
        return z;
    }

    private static double Tau(double x)
    {
        if (x == 0 || x == 1)
            return 0;
        double y = 1, z = 1 - x, previous;
        do
        {
            x = Math.Sqrt(x);
            previous = z;
            y *= 0.5;
            z -= Math.Pow(1 - x, 2) * y;
        }
        while (z != previous);
        return z / 3;
    }
}
