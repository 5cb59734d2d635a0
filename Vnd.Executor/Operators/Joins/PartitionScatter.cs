using System.Runtime.CompilerServices;
using Vnd.Executor.Execution;

namespace Vnd.Executor.Operators.Joins;

/// <summary>
/// The radix pass of a join build, on every worker: the build's chunks are cut into one contiguous range per worker,
/// each worker counts its range's keyed rows per partition (top bits of the hash), and then copies its rows into
/// partition order at positions the counts give it — within a partition, range 0's rows before range 1's, so rows
/// keep their build order as a single pass would. One thread doing both passes over a 10M-row build side was a
/// third of the one-hop delay join's time while the other core waited (perf, 2026-11-26).
/// </summary>
internal sealed class PartitionScatter
{
    private readonly BuildChunkStore _store;
    private int[][] _counts;

    private PartitionScatter(BuildChunkStore store, int bits, int[][] counts)
    {
        _store = store;
        Bits = bits;
        _counts = counts;
        Starts = new int[(1 << bits) + 1];
        Total();
    }

    /// <summary>Partition p's rows go to [Starts[p], Starts[p + 1]) of the ordered arrays.</summary>
    public int[] Starts { get; private set; }

    public int Bits { get; private set; }

    public int Partitions => Starts.Length - 1;

    /// <summary>Rows with a key (not NULL).</summary>
    public int Keyed => Starts[^1];

    /// <summary>The most rows one partition holds.</summary>
    public int Largest { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Partition(ulong hash, int bits) => bits == 0 ? 0 : (int)(hash >> (64 - bits));

    /// <summary>Counts the keyed rows of each partition, each worker over its own range of rows.</summary>
    public static PartitionScatter Count(QueryContext context, int workers, BuildChunkStore store, int bits)
    {
        var ranges = ParallelDrain.Split(workers, store.Count, store.Chunks.Length);
        var counts = new int[ranges][];
        var partitions = 1 << bits;
        ParallelDrain.For(context, ranges, w =>
        {
            var local = new int[partitions];
            var (from, to) = Range(w, ranges, store.Chunks.Length);
            for (var c = from; c < to; c++)
            {
                var chunk = store.Chunks[c];
                var hashes = chunk.Hashes.AsSpan(0, chunk.Count);
                var offsets = chunk.Offsets.AsSpan(0, chunk.Count);
                for (var r = 0; r < hashes.Length; r++)
                {
                    if (offsets[r] >= 0)
                        local[Partition(hashes[r], bits)]++;
                }
            }
            counts[w] = local;
        });
        return new PartitionScatter(store, bits, counts);
    }

    /// <summary>Puts every keyed row in one partition (a build whose keys crowd one partition: see
    /// <see cref="JoinKeyTable"/>).</summary>
    public void Collapse()
    {
        var collapsed = new int[_counts.Length][];
        for (var w = 0; w < collapsed.Length; w++)
        {
            var sum = 0;
            foreach (var c in _counts[w])
                sum += c;
            collapsed[w] = [sum];
        }
        _counts = collapsed;
        Bits = 0;
        Starts = new int[2];
        Total();
    }

    /// <summary>
    /// Copies the keyed rows into partition order: row ids into <paramref name="order"/>, hashes into
    /// <paramref name="orderedHashes"/> and, when <paramref name="orderedKeys"/> is not empty, one-word keys into it.
    /// </summary>
    public void Scatter(QueryContext context, int[] order, ulong[] orderedHashes, ulong[] orderedKeys)
    {
        var ranges = _counts.Length;
        var partitions = Partitions;
        var bits = Bits;
        var store = _store;
        var withKeys = orderedKeys.Length > 0;
        ParallelDrain.For(context, ranges, w =>
        {
            // Where range w's rows of each partition start: after the partition's rows of ranges 0..w-1.
            var fill = new int[partitions];
            for (var p = 0; p < partitions; p++)
            {
                var at = Starts[p];
                for (var v = 0; v < w; v++)
                    at += _counts[v][p];
                fill[p] = at;
            }
            var (from, to) = Range(w, ranges, store.Chunks.Length);
            for (var c = from; c < to; c++)
            {
                var chunk = store.Chunks[c];
                var hashes = chunk.Hashes.AsSpan(0, chunk.Count);
                var offsets = chunk.Offsets.AsSpan(0, chunk.Count);
                var keys = chunk.KeyWords;
                var first = chunk.First;
                for (var r = 0; r < hashes.Length; r++)
                {
                    if (offsets[r] < 0)
                        continue;
                    var at = fill[Partition(hashes[r], bits)]++;
                    order[at] = first + r;
                    orderedHashes[at] = hashes[r];
                    if (withKeys)
                        orderedKeys[at] = keys[offsets[r]];
                }
            }
        });
    }

    private static (int From, int To) Range(int worker, int ranges, int chunks) =>
        ((int)((long)chunks * worker / ranges), (int)((long)chunks * (worker + 1) / ranges));

    private void Total()
    {
        var partitions = Partitions;
        Largest = 0;
        for (var p = 0; p < partitions; p++)
        {
            var size = 0;
            foreach (var c in _counts)
                size += c[p];
            Largest = Math.Max(Largest, size);
            Starts[p + 1] = Starts[p] + size;
        }
    }
}
