using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Vnd.Executor.Operators.Hashing;

/// <summary>
/// Batch lookups of keys packed into whole words (<see cref="PackedKeyEncoder"/>): one call a batch instead of one
/// a row, keys compared word by word instead of as byte spans, and a row whose key equals the previous row's
/// reuses its entry without probing — packets arrive in runs (one second of a trace, one burst of a flow), so
/// GROUP BY ceil(ts) probes once per second of trace rather than once per packet.
/// </summary>
public sealed partial class KeyTable
{
    /// <summary>
    /// Writes the entry of each key to <paramref name="entries"/>, inserting new keys, and the positions k of the
    /// keys that were new to <paramref name="fresh"/>; returns how many were. Key k is
    /// <c>words[k * w .. (k + 1) * w)</c> with w = the table's fixed width / 8.
    /// </summary>
    public int FindOrAddPacked(ReadOnlySpan<ulong> hashes, ReadOnlySpan<ulong> words, Span<int> entries, Span<int> fresh)
    {
        if (_fixedWidth is not (8 or 16 or 24 or 32) || words.Length < hashes.Length * (_fixedWidth / 8))
            throw new ArgumentException("keys must be packed whole words of the table's width", nameof(words));
        return _fixedWidth == 8 ? FindOrAddWords(hashes, words, entries, fresh) : FindOrAddMultiWord(hashes, words, entries, fresh);
    }

    /// <summary>One-word keys, compared inline in the slot.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private int FindOrAddWords(ReadOnlySpan<ulong> hashes, ReadOnlySpan<ulong> keys, Span<int> entries, Span<int> fresh)
    {
        var added = 0;
        for (var k = 0; k < hashes.Length; k++)
        {
            var key = keys[k];
            if (k > 0 && key == keys[k - 1])
            {
                entries[k] = entries[k - 1];
                continue;
            }
            entries[k] = FindOrAddWord(hashes[k], key, out var isNew);
            if (isNew)
                fresh[added++] = k;
        }
        return added;
    }

    /// <summary>
    /// <see cref="FindOrAddPacked"/> for one-word keys without precomputed hashes: a key is hashed
    /// (<see cref="PackedKeyEncoder.HashWord"/>) only where it differs from the key before it, so a batch of one
    /// second of trace (GROUP BY ceil(ts)) costs a compare a row instead of a hash a row and a compare.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int FindOrAddWordRuns(ReadOnlySpan<ulong> keys, Span<int> entries, Span<int> fresh)
    {
        if (_fixedWidth != 8 || entries.Length < keys.Length || fresh.Length < keys.Length)
            throw new ArgumentException("keys must be single words, with an entry and a fresh slot each", nameof(keys));
        return FindOrAddRuns<WordKey>(keys, keys.Length, entries, fresh);
    }

    /// <summary>The entry of one one-word key, added (<paramref name="added"/>) when the table did not hold it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindOrAddWord(ulong hash, ulong key, out bool added)
    {
        if (Count * 2 >= Capacity)
            Grow();
        var slots = _slots;
        var mask = Capacity - 1;
        var tag = hash & 0xFFFFFFFF00000000UL;
        for (var i = (int)hash & mask; ; i = (i + 1) & mask)
        {
            var slot = slots[i << 1];
            if (slot == 0)
            {
                var entry = Append(hash, MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(ref key, 1)));
                slots[i << 1] = tag | (uint)(entry + 1);
                slots[(i << 1) + 1] = key;
                added = true;
                return entry;
            }
            if ((slot & 0xFFFFFFFF00000000UL) == tag && slots[(i << 1) + 1] == key)
            {
                added = false;
                return (int)(uint)slot - 1;
            }
        }
    }

    /// <summary>
    /// Keys of two to four words, compared against the key arena a word at a time. Keys are addressed by reference
    /// (the caller checked that <paramref name="words"/> holds every key, the arena holds <see cref="Count"/> keys),
    /// so a probe creates no spans: DISTINCT over the 5-tuple spent a third of its time here.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private int FindOrAddMultiWord(ReadOnlySpan<ulong> hashes, ReadOnlySpan<ulong> words, Span<int> entries, Span<int> fresh)
    {
        var width = _fixedWidth / 8;
        var added = 0;
        ref var first = ref MemoryMarshal.GetReference(words);
        for (var k = 0; k < hashes.Length; k++)
        {
            ref var key = ref Unsafe.Add(ref first, k * width);
            var hash = hashes[k];
            if (k > 0 && hash == hashes[k - 1] && SameWords(ref key, ref Unsafe.Subtract(ref key, width), width))
            {
                entries[k] = entries[k - 1];
                continue;
            }
            if (Count * 2 >= _capacity)
                Grow();
            var slots = _slots;
            var mask = _capacity - 1;
            var tag = hash & 0xFFFFFFFF00000000UL;
            ref var arena = ref Unsafe.As<byte, ulong>(ref MemoryMarshal.GetArrayDataReference(_keys));
            for (var i = (int)hash & mask; ; i = (i + 1) & mask)
            {
                var slot = slots[i];
                if (slot == 0)
                {
                    var entry = Append(hash, MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(ref key, width)));
                    slots[i] = tag | (uint)(entry + 1);
                    entries[k] = entry;
                    fresh[added++] = k;
                    break;
                }
                var candidate = (int)(uint)slot - 1;
                if ((slot & 0xFFFFFFFF00000000UL) == tag && SameWords(ref key, ref Unsafe.Add(ref arena, candidate * width), width))
                {
                    entries[k] = candidate;
                    break;
                }
            }
        }
        return added;
    }

    /// <summary>
    /// <see cref="FindOrAddPacked"/> for two-word keys (the 5-tuple in its narrow layout), hashing each key
    /// (<see cref="PackedKeyEncoder.HashPair"/>) in the probe loop itself: no pass of its own over the keys and no
    /// hash array written and read back, and a key equal to the one before it is neither hashed nor probed. The
    /// hash's multiplies overlap the previous key's probe.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int FindOrAddPairs(ReadOnlySpan<ulong> words, Span<int> entries, Span<int> fresh)
    {
        var n = words.Length / 2;
        if (_fixedWidth != 16 || entries.Length < n || fresh.Length < n)
            throw new ArgumentException("keys must be word pairs, with an entry and a fresh slot each", nameof(words));
        return FindOrAddRuns<PairKey>(words, n, entries, fresh);
    }

    /// <summary>
    /// <see cref="FindOrAddPairs"/> for the first <paramref name="n"/> keys of a <see cref="PairPlaneEncoder"/>: word 0
    /// of key k at <c>planes[k]</c>, word 1 at <c>planes[PairPlaneEncoder.Plane + k]</c>. Same hashes, same entries.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int FindOrAddPlanes(ReadOnlySpan<ulong> planes, int n, Span<int> entries, Span<int> fresh)
    {
        if (_fixedWidth != 16 || n > PairPlaneEncoder.Plane || planes.Length < 2 * PairPlaneEncoder.Plane || entries.Length < n || fresh.Length < n)
            throw new ArgumentException("keys must be two planes of word pairs, with an entry and a fresh slot each", nameof(planes));
        return FindOrAddRuns<PlanePairKey>(planes, n, entries, fresh);
    }

    /// <summary>The run loop of <see cref="FindOrAddWordRuns"/> and <see cref="FindOrAddPairs"/>, specialised per key
    /// struct by the JIT: a key is hashed and probed only where it differs from the key before it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindOrAddRuns<TKey>(ReadOnlySpan<ulong> words, int n, Span<int> entries, Span<int> fresh)
        where TKey : struct, IRunKey<TKey>
    {
        var added = 0;
        var previous = default(TKey);
        var entry = -1;
        // The callers checked that words holds n keys of TKey's width.
        ref var first = ref MemoryMarshal.GetReference(words);
        for (var k = 0; k < n; k++)
        {
            var key = TKey.At(ref first, k);
            if (entry < 0 || !key.Same(previous))
            {
                entry = key.FindOrAdd(this, out var isNew);
                previous = key;
                if (isNew)
                    fresh[added++] = k;
            }
            entries[k] = entry;
        }
        return added;
    }

    /// <summary>A packed key of a fixed number of words, read in place, for <see cref="FindOrAddRuns{TKey}"/>.</summary>
    private interface IRunKey<TSelf>
        where TSelf : struct, IRunKey<TSelf>
    {
        static abstract TSelf At(ref ulong words, int k);

        bool Same(TSelf other);

        int FindOrAdd(KeyTable table, out bool added);
    }

    private readonly struct WordKey(ulong word) : IRunKey<WordKey>
    {
        private readonly ulong _word = word;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static WordKey At(ref ulong words, int k) => new(Unsafe.Add(ref words, k));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Same(WordKey other) => _word == other._word;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int FindOrAdd(KeyTable table, out bool added) => table.FindOrAddWord(PackedKeyEncoder.HashWord(_word), _word, out added);
    }

    private readonly struct PairKey(ulong first, ulong second) : IRunKey<PairKey>
    {
        private readonly ulong _first = first;
        private readonly ulong _second = second;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static PairKey At(ref ulong words, int k) => new(Unsafe.Add(ref words, 2 * k), Unsafe.Add(ref words, (2 * k) + 1));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Same(PairKey other) => ((_first ^ other._first) | (_second ^ other._second)) == 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int FindOrAdd(KeyTable table, out bool added) =>
            table.FindOrAddPair(PackedKeyEncoder.HashPair(_first, _second), _first, _second, out added);
    }

    /// <summary>A two-word key read from the two planes of a <see cref="PairPlaneEncoder"/>.</summary>
    private readonly struct PlanePairKey(PairKey pair) : IRunKey<PlanePairKey>
    {
        private readonly PairKey _pair = pair;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static PlanePairKey At(ref ulong words, int k) =>
            new(new PairKey(Unsafe.Add(ref words, k), Unsafe.Add(ref words, PairPlaneEncoder.Plane + k)));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Same(PlanePairKey other) => _pair.Same(other._pair);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int FindOrAdd(KeyTable table, out bool added) => _pair.FindOrAdd(table, out added);
    }

    /// <summary>
    /// The entry of one two-word key, added (<paramref name="added"/>) when the table did not hold it. The first four
    /// slots of the probe are compared at once (Vector256): the slots up to the first empty one whose tag matches, and
    /// the key of the first of those. At load up to one half, about a third of the keys do not sit in their first
    /// slot, and a slot-at-a-time loop mispredicts its exit for each of them; here the branches only ask "found in the
    /// window" (nearly always, once the groups are known) and "the key matched its tag" (nearly always). A longer
    /// run, a tag collision or a window past the end of the slots continues slot by slot, from the same start, so
    /// entries and insert positions are those of linear probing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindOrAddPair(ulong hash, ulong w0, ulong w1, out bool added)
    {
        if (Count * 2 >= _capacity)
            Grow();
        var slots = _slots;
        var mask = _capacity - 1;
        var tag = hash & 0xFFFFFFFF00000000UL;
        ref var arena = ref Unsafe.As<byte, ulong>(ref MemoryMarshal.GetArrayDataReference(_keys));
        var start = (int)hash & mask;
        if (Vector256.IsHardwareAccelerated && start <= mask - 3)
        {
            // slots[start .. start + 4) lie inside the table (start + 3 <= mask < slots.Length).
            var window = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(slots), (nuint)start);
            var tags = Vector256.Equals(window & Vector256.Create(0xFFFFFFFF00000000UL), Vector256.Create(tag)).ExtractMostSignificantBits();
            var empty = Vector256.Equals(window, Vector256<ulong>.Zero).ExtractMostSignificantBits();
            // Slots past the first empty one are not on this key's probe path (all four when none is empty).
            var candidates = tags & ((empty & (0u - empty)) - 1);
            if (candidates != 0)
            {
                var slot = slots[start + BitOperations.TrailingZeroCount(candidates)];
                // The arena holds Count pairs and the slot names one of them.
                ref var candidate = ref Unsafe.Add(ref arena, ((int)(uint)slot - 1) * 2);
                if (((candidate ^ w0) | (Unsafe.Add(ref candidate, 1) ^ w1)) == 0)
                {
                    added = false;
                    return (int)(uint)slot - 1;
                }
            }
            else if (empty != 0)
            {
                added = true;
                return AddPair(start + BitOperations.TrailingZeroCount(empty), hash, w0, w1);
            }
        }
        for (var i = start; ; i = (i + 1) & mask)
        {
            var slot = slots[i];
            if (slot == 0)
            {
                added = true;
                return AddPair(i, hash, w0, w1);
            }
            // The arena holds Count pairs and the slot names one of them.
            ref var candidate = ref Unsafe.Add(ref arena, ((int)(uint)slot - 1) * 2);
            if ((slot & 0xFFFFFFFF00000000UL) == tag && ((candidate ^ w0) | (Unsafe.Add(ref candidate, 1) ^ w1)) == 0)
            {
                added = false;
                return (int)(uint)slot - 1;
            }
        }
    }

    /// <summary>Appends a new two-word key and points the free slot <paramref name="i"/> at it.</summary>
    private int AddPair(int i, ulong hash, ulong w0, ulong w1)
    {
        Span<ulong> pair = [w0, w1];
        var entry = Append(hash, MemoryMarshal.AsBytes(pair));
        _slots[i] = (hash & 0xFFFFFFFF00000000UL) | (uint)(entry + 1);
        return entry;
    }

    /// <summary>Whether two keys of 2–4 words are equal, without a branch per word.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool SameWords(ref ulong a, ref ulong b, int width)
    {
        var differ = (a ^ b) | (Unsafe.Add(ref a, 1) ^ Unsafe.Add(ref b, 1));
        if (width > 2)
            differ |= Unsafe.Add(ref a, 2) ^ Unsafe.Add(ref b, 2);
        if (width > 3)
            differ |= Unsafe.Add(ref a, 3) ^ Unsafe.Add(ref b, 3);
        return differ == 0;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool SameWords(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var same = a[0] == b[0] && a[1] == b[1];
        for (var w = 2; w < a.Length && same; w++)
            same = a[w] == b[w];
        return same;
    }
}
