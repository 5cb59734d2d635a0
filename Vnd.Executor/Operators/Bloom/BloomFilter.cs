using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Vnd.Executor.Execution;

namespace Vnd.Executor.Operators.Bloom;

/// <summary>
/// A Bloom filter over 64-bit key hashes (the executor's <see cref="Hashing.KeyEncoder"/> hashes, which both
/// sites compute alike): <see cref="Hashes"/> bit positions per key from double hashing (Kirsch–Mitzenmacher:
/// g_i = h1 + i·h2), each mapped onto the filter by a multiply-high rather than a modulo. No false negatives by
/// construction; the false-positive rate is (1 − e^(−k·n/m))^k. The bit array is little-endian words, which is
/// also how it travels (Arrow and the machines VND runs on are little-endian). Its memory is reserved against
/// the query's budget.
/// </summary>
public sealed class BloomFilter : IDisposable
{
    private readonly ulong[] _words;
    private readonly MemoryBudget? _memory;

    public BloomFilter(long bits, int hashes, MemoryBudget? memory = null)
    {
        if (bits < 64 || bits % 64 != 0 || bits > Planner.Logical.BloomFilterBuild.MaxBits)
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "a Bloom filter has a positive multiple of 64 bits, at most 2^32");
        if (hashes is < 1 or > Planner.Logical.BloomFilterBuild.MaxHashes)
            throw new ArgumentOutOfRangeException(nameof(hashes), hashes, "a Bloom filter has 1 to 16 hashes");
        memory?.Reserve(bits / 8);
        _memory = memory;
        _words = new ulong[bits / 64];
        Bits = bits;
        Hashes = hashes;
    }

    public long Bits { get; }

    public int Hashes { get; }

    /// <summary>The bit array as bytes, for shipping and for assembling a received filter.</summary>
    public Span<byte> Bytes => MemoryMarshal.AsBytes(_words.AsSpan());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ulong hash)
    {
        var (h, step) = Start(hash);
        var words = _words;
        for (var i = 0; i < Hashes; i++, h += step)
        {
            var bit = Position(h);
            words[bit >> 6] |= 1UL << (int)(bit & 63);
        }
    }

    /// <summary>False when the key was certainly never added; true when it was or by a false positive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayContain(ulong hash)
    {
        var (h, step) = Start(hash);
        var words = _words;
        for (var i = 0; i < Hashes; i++, h += step)
        {
            var bit = Position(h);
            if ((words[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
                return false;
        }
        return true;
    }

    public void Dispose() => _memory?.Release(Bits / 8);

    /// <summary>h1 is the hash itself; h2 a remix of it, odd so the probe sequence never repeats a position early.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong H1, ulong H2) Start(ulong hash) => (hash, ((hash ^ (hash >> 29)) * 0xBF58476D1CE4E5B9UL) | 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Position(ulong h) => Math.BigMul(h, (ulong)Bits, out _);
}
