using Vnd.Executor.Execution;
using Vnd.Executor.Operators.Bloom;
using Vnd.Executor.Operators.Hashing;
using Vnd.Planner.Distributed;

namespace Vnd.Executor.Tests.Operators.Bloom;

public sealed class BloomFilterTests
{
    /// <summary>The executor's hash of an integer join key (what <see cref="KeyEncoder"/> computes for one column).</summary>
    private static ulong KeyHash(long key) => Hash.Finish(Hash.Combine(Hash.Seed, (ulong)key));

    private static (BloomFilter Filter, double Measured) Measure(long keys, double target)
    {
        var size = BloomFilterSizing.For(keys, target);
        var filter = new BloomFilter(size.Bits, size.Hashes);
        for (long k = 0; k < keys; k++)
            filter.Add(KeyHash(k * 3));
        for (long k = 0; k < keys; k++)
            Assert.True(filter.MayContain(KeyHash(k * 3)), $"key {k * 3} was added but is reported absent");
        long positives = 0;
        const long probes = 1_000_000;
        for (long k = 0; k < probes; k++)
            positives += filter.MayContain(KeyHash(k * 3 + 1)) ? 1 : 0; // never added
        return (filter, (double)positives / probes);
    }

    [Theory]
    [InlineData(1_000_000, 0.01)]
    [InlineData(100_000, 0.01)]
    [InlineData(100_000, 0.001)]
    [InlineData(1_000, 0.05)]
    public void No_false_negatives_and_the_false_positive_rate_is_near_its_target(long keys, double target)
    {
        var (_, measured) = Measure(keys, target);
        Assert.InRange(measured, target * 0.8, target * 1.2);
    }

    [Fact]
    public void Sizing_follows_the_textbook_formulas()
    {
        var size = BloomFilterSizing.For(1_000_000, 0.01);
        Assert.Equal((9_585_088L, 7), (size.Bits, size.Hashes));
        Assert.InRange(size.FalsePositiveRate(1_000_000), 0.0095, 0.0105);
        Assert.True(size.FalsePositiveRate(2_000_000) > 0.1); // twice the keys it was sized for: much worse, still no loss
        Assert.Equal((64L, 1), (BloomFilterSizing.For(0, 0.5).Bits, BloomFilterSizing.For(0, 0.5).Hashes));
        Assert.Equal(Planner.Logical.BloomFilterBuild.MaxBits, BloomFilterSizing.For(1e12, 0.01).Bits);
    }

    [Fact]
    public void Its_memory_is_reserved_against_the_query_budget_and_released()
    {
        var budget = new MemoryBudget(1 << 20);
        using (new BloomFilter(1 << 20, 7, budget))
            Assert.Equal(1 << 17, budget.Used);
        Assert.Equal(0, budget.Used);
        Assert.Throws<ExecutionException>(() => new BloomFilter(1L << 24, 7, budget)); // 2 MiB over a 1 MiB budget
    }

    [Fact]
    public void Probing_allocates_nothing()
    {
        var filter = new BloomFilter(1 << 16, 7);
        filter.Add(KeyHash(1));
        _ = filter.MayContain(KeyHash(2));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var hits = 0;
        for (var k = 0; k < 10_000; k++)
        {
            filter.Add(KeyHash(k));
            hits += filter.MayContain(KeyHash(k + 1)) ? 1 : 0;
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(hits > 0);
    }
}
