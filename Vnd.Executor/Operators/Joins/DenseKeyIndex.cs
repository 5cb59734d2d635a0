namespace Vnd.Executor.Operators.Joins;

/// <summary>
/// The build side of a join on one integer key whose values fill a range not much wider than the build side
/// (packet ids, ordinals: the one-hop delay and loss joins): the newest build row of key v sits at
/// <c>heads[v - min]</c>, older rows with that key chained through the join's Next array as in the hash table.
/// A lookup is one subtraction, one range check and one array read: no hash, no tag, no key comparison, and
/// probe keys that arrive in order read the array in order.
/// </summary>
internal sealed class DenseKeyIndex
{
    /// <summary>Widest range indexed densely: 4 bytes a slot, 256 MiB at most.</summary>
    private const long MaxRange = 1L << 26;

    private readonly int[] _heads;
    private readonly long _min;

    private DenseKeyIndex(int[] heads, long min)
    {
        _heads = heads;
        _min = min;
    }

    /// <summary>
    /// The number of slots a dense index of these keys needs, or 0 when the keys are too sparse (more than two
    /// slots a keyed row, beyond a small floor) or there are none. <paramref name="offsets"/> holds each row's key
    /// word in <paramref name="keys"/>, -1 for a NULL key; a key is an integer packed as its low
    /// <paramref name="bits"/> bits (<see cref="JoinKeyEncoder"/>).
    /// </summary>
    public static long Slots(int rows, ReadOnlySpan<int> offsets, ReadOnlySpan<ulong> keys, int bits, out long min)
    {
        var bounds = KeyBounds.Empty;
        bounds.Add(offsets[..rows], keys, bits);
        return bounds.Slots(out min);
    }

    /// <summary><see cref="Slots(int, ReadOnlySpan{int}, ReadOnlySpan{ulong}, int, out long)"/> over a build's chunks.</summary>
    public static long Slots(BuildChunkStore store, int bits, out long min)
    {
        var bounds = KeyBounds.Empty;
        foreach (var chunk in store.Chunks)
            bounds.Add(chunk.Offsets.AsSpan(0, chunk.Count), chunk.KeyWords, bits);
        return bounds.Slots(out min);
    }

    /// <summary>Indexes every keyed row; rows with equal keys are chained newest first, as the hash table does.</summary>
    public static DenseKeyIndex Build(long slots, long min, int rows, ReadOnlySpan<int> offsets, ReadOnlySpan<ulong> keys, int bits, int[] next)
    {
        var index = Empty(slots, min);
        index.Add(0, offsets[..rows], keys, bits, next);
        return index;
    }

    /// <summary><see cref="Build(long, long, int, ReadOnlySpan{int}, ReadOnlySpan{ulong}, int, int[])"/> over a
    /// build's chunks (row ids as <see cref="BuildChunk"/> gives them).</summary>
    public static DenseKeyIndex Build(long slots, long min, BuildChunkStore store, int bits, int[] next)
    {
        var index = Empty(slots, min);
        foreach (var chunk in store.Chunks)
            index.Add(chunk.First, chunk.Offsets.AsSpan(0, chunk.Count), chunk.KeyWords, bits, next);
        return index;
    }

    private static DenseKeyIndex Empty(long slots, long min)
    {
        var heads = new int[slots];
        Array.Fill(heads, -1);
        return new DenseKeyIndex(heads, min);
    }

    /// <summary>Indexes rows <paramref name="first"/> + r for the keyed r of <paramref name="offsets"/>.</summary>
    private void Add(int first, ReadOnlySpan<int> offsets, ReadOnlySpan<ulong> keys, int bits, int[] next)
    {
        var heads = _heads;
        for (var r = 0; r < offsets.Length; r++)
        {
            if (offsets[r] < 0)
                continue;
            var slot = (int)(Value(keys[offsets[r]], bits) - _min);
            next[first + r] = heads[slot];
            heads[slot] = first + r;
        }
    }

    /// <summary>The range of keyed values seen so far.</summary>
    private struct KeyBounds
    {
        public static KeyBounds Empty => new() { Min = long.MaxValue, Max = long.MinValue };

        public long Min;
        public long Max;
        public long Keyed;

        public void Add(ReadOnlySpan<int> offsets, ReadOnlySpan<ulong> keys, int bits)
        {
            foreach (var offset in offsets)
            {
                if (offset < 0)
                    continue;
                var v = Value(keys[offset], bits);
                Min = Math.Min(Min, v);
                Max = Math.Max(Max, v);
                Keyed++;
            }
        }

        public readonly long Slots(out long min)
        {
            min = Min;
            if (Keyed == 0)
                return 0;
            var range = (ulong)(Max - Min) + 1;
            return range <= (ulong)Math.Min(MaxRange, (2 * Keyed) + 4096) ? (long)range : 0;
        }
    }

    /// <summary>A packed integer key's value: its low <paramref name="bits"/> bits, sign-extended.</summary>
    private static long Value(ulong word, int bits) => (long)(word << (64 - bits)) >> (64 - bits);

    /// <summary>The newest build row with key <paramref name="key"/>, or -1. Keys outside the range wrap to
    /// a difference of at least the slot count, so one unsigned comparison rejects both sides.</summary>
    public int Find(long key)
    {
        var slot = (ulong)(key - _min);
        return slot < (ulong)_heads.Length ? _heads[(int)slot] : -1;
    }
}
