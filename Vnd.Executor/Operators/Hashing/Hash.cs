using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vnd.Executor.Operators.Hashing;

/// <summary>64-bit mixing for hash tables: multiply-xorshift per value, murmur3's finaliser at the end.</summary>
public static class Hash
{
    public const ulong Seed = 0x243F6A8885A308D3UL;
    public const ulong NullHash = 0x13198A2E03707344UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong h, ulong value) => BitOperations.RotateLeft((h ^ value) * 0x9E3779B97F4A7C15UL, 31);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Finish(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        return h ^ (h >> 33);
    }

    /// <summary>Hashes a byte string eight bytes at a time.</summary>
    public static ulong Bytes(ReadOnlySpan<byte> data)
    {
        var h = Seed ^ (ulong)data.Length;
        var words = MemoryMarshal.Cast<byte, ulong>(data);
        foreach (var w in words)
            h = Combine(h, w);
        var tail = data[(words.Length * 8)..];
        if (!tail.IsEmpty)
        {
            ulong last = 0;
            for (var i = 0; i < tail.Length; i++)
                last |= (ulong)tail[i] << (8 * i);
            h = Combine(h, last);
        }
        return h;
    }
}
