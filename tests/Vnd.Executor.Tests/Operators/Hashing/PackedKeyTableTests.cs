using Vnd.Executor.Execution;
using Vnd.Executor.Operators.Hashing;

namespace Vnd.Executor.Tests.Operators.Hashing;

/// <summary>
/// <see cref="KeyTable.FindOrAddPacked"/>: the hashes are the caller's, so these tests give distinct keys the same
/// hash (every probe meets a tag match and must compare the key words), repeat keys in runs (the reuse of the
/// previous row's entry) and interleave them (the probe), across table growth.
/// </summary>
public sealed class PackedKeyTableTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Keys_with_one_hash_stay_apart_and_repeats_find_their_entry(int width)
    {
        using var table = new KeyTable(width * 8, MemoryBudget.Unlimited());
        const int Keys = 600;
        // Batch 1: keys 0..599 in runs of three; batch 2: the same keys interleaved; all with one hash.
        var first = Enumerable.Range(0, Keys * 3).Select(i => i / 3).ToArray();
        var second = Enumerable.Range(0, Keys).Select(i => (i * 7) % Keys).ToArray();
        var entryOf = new Dictionary<int, int>();
        foreach (var batch in new[] { first, second })
        {
            var words = new ulong[batch.Length * width];
            for (var k = 0; k < batch.Length; k++)
                words[(k * width) + width - 1] = (ulong)batch[k] + 1; // keys differ only in their last word
            var hashes = Enumerable.Repeat(0xABCDEF0123456789UL, batch.Length).ToArray();
            var entries = new int[batch.Length];
            var fresh = new int[batch.Length];
            var added = table.FindOrAddPacked(hashes, words, entries, fresh);
            for (var j = 0; j < added; j++)
                Assert.False(entryOf.ContainsKey(batch[fresh[j]]));
            for (var k = 0; k < batch.Length; k++)
            {
                if (!entryOf.TryGetValue(batch[k], out var entry))
                    entryOf[batch[k]] = entry = entries[k];
                Assert.Equal(entry, entries[k]);
            }
            Assert.Equal(batch == first ? Keys : 0, added);
        }
        Assert.Equal(Keys, table.Count);
        Assert.Equal(Keys, entryOf.Values.Distinct().Count());
    }

    [Fact]
    public void Word_runs_hash_each_run_once_and_meet_the_same_keys_looked_up_with_their_hashes()
    {
        using var table = new KeyTable(8, MemoryBudget.Unlimited());
        // Runs of one key (a second of trace), then a key seen before, then zero (a key as well, not "no key").
        ulong[] keys = [5, 5, 5, 9, 9, 5, 0, 0, 9, 7];
        var entries = new int[keys.Length];
        var fresh = new int[keys.Length];
        Assert.Equal(4, table.FindOrAddWordRuns(keys, entries, fresh));
        Assert.Equal([0, 3, 6, 9], fresh[..4]);
        Assert.Equal([0, 0, 0, 1, 1, 0, 2, 2, 1, 3], entries);
        // The same keys through the hashed batch lookup find the same entries: both hash as HashWord.
        var hashes = keys.Select(PackedKeyEncoder.HashWord).ToArray();
        var again = new int[keys.Length];
        Assert.Equal(0, table.FindOrAddPacked(hashes, keys, again, fresh));
        Assert.Equal(entries, again);
        Assert.Equal(0, table.FindOrAddWordRuns([], [], []));
        using var wide = new KeyTable(16, MemoryBudget.Unlimited());
        Assert.Throws<ArgumentException>(() => wide.FindOrAddWordRuns([1UL], new int[1], new int[1]));
    }

    [Fact]
    public void Pair_planes_and_hashed_pairs_meet_the_same_entries_across_growth()
    {
        // Batches alternate between the four-slot window probe (FindOrAddPlanes) and the slot-by-slot one
        // (FindOrAddPacked with HashPair hashes): a key either inserts must be where the other looks, through long
        // probe runs, windows at the end of the slots and growth to 32K slots.
        using var table = new KeyTable(16, MemoryBudget.Unlimited());
        var random = new Random(12);
        var pool = Enumerable.Range(0, 20_000).Select(_ => ((ulong)random.NextInt64(), (ulong)random.Next(1 << 20))).ToArray();
        var entryOf = new Dictionary<(ulong, ulong), int>();
        var planes = new ulong[2 * PairPlaneEncoder.Plane];
        for (var b = 0; b < 40; b++)
        {
            var n = b % 3 == 0 ? PairPlaneEncoder.Plane : 1000 + b;
            var keys = Enumerable.Range(0, n).Select(_ => pool[random.Next(Math.Min(pool.Length, 600 * (b + 1)))]).ToArray();
            var entries = new int[n];
            var fresh = new int[n];
            int added;
            if (b % 2 == 0)
            {
                for (var k = 0; k < n; k++)
                    (planes[k], planes[PairPlaneEncoder.Plane + k]) = keys[k];
                added = table.FindOrAddPlanes(planes, n, entries, fresh);
            }
            else
            {
                var words = keys.SelectMany(key => new[] { key.Item1, key.Item2 }).ToArray();
                var hashes = keys.Select(key => PackedKeyEncoder.HashPair(key.Item1, key.Item2)).ToArray();
                added = table.FindOrAddPacked(hashes, words, entries, fresh);
            }
            var before = entryOf.Count;
            for (var k = 0; k < n; k++)
            {
                if (!entryOf.TryGetValue(keys[k], out var entry))
                    entryOf[keys[k]] = entry = entryOf.Count;
                Assert.Equal(entry, entries[k]);
            }
            Assert.Equal(entryOf.Count - before, added);
        }
        Assert.Equal(entryOf.Count, table.Count);
        Assert.True(table.Count > 10_000);
    }

    [Fact]
    public void Tables_of_other_widths_refuse_packed_keys()
    {
        using var table = new KeyTable(5, MemoryBudget.Unlimited());
        Assert.Throws<ArgumentException>(() => table.FindOrAddPacked([1UL], [1UL], new int[1], new int[1]));
    }
}
