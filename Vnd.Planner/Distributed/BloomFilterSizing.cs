using Vnd.Planner.Logical;

namespace Vnd.Planner.Distributed;

/// <summary>
/// Sizes a Bloom filter for an expected number of distinct keys and a target false-positive rate with the
/// textbook formulas: m = −n·ln p / (ln 2)² bits and k = −log2 p probes (9.6 bits and 7 probes per key at 1%).
/// The key count is the build side's distinct-count estimate (HyperLogLog from the table servers), so an
/// underestimate only raises the false-positive rate — never loses a row, because the exact join runs after.
/// </summary>
public readonly record struct BloomFilterSizing(long Bits, int Hashes)
{
    public static BloomFilterSizing For(double keys, double falsePositiveRate)
    {
        keys = Math.Max(1, keys);
        var ideal = -keys * Math.Log(falsePositiveRate) / (Math.Log(2) * Math.Log(2));
        // Whole 64-bit words, at least one, at most the largest filter a ticket may carry.
        var bits = (long)Math.Min(BloomFilterBuild.MaxBits, Math.Max(64, Math.Ceiling(ideal / 64) * 64));
        // k = (m/n)·ln 2 for the ideal m is −log2 p: the probes the target needs, not more for a rounded-up tiny filter.
        var hashes = (int)Math.Clamp(Math.Round(-Math.Log2(falsePositiveRate)), 1, BloomFilterBuild.MaxHashes);
        return new BloomFilterSizing(bits, hashes);
    }

    public double Bytes => Bits / 8.0;

    /// <summary>Expected false-positive rate with <paramref name="keys"/> distinct keys in the filter: (1 − e^(−k·n/m))^k.</summary>
    public double FalsePositiveRate(double keys) => Math.Pow(1 - Math.Exp(-Hashes * Math.Max(1, keys) / Bits), Hashes);

    /// <summary>Chunk rows the filter travels as (see <see cref="BloomFilterBuild.ChunkBytes"/>).</summary>
    public double Chunks => Math.Ceiling(Bytes / BloomFilterBuild.ChunkBytes);
}
