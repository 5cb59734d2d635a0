using Vnd.Executor.Execution;
using Vnd.Executor.Expressions;
using Vnd.Executor.Operators;
using Vnd.Executor.Operators.Joins;
using Vnd.Planner.Types;

namespace Vnd.Executor.Tests.Operators;

/// <summary>
/// The engine's recycler of large operator buffers: a returned array is lent again, the cap bounds what it keeps,
/// concurrent renters never share an array, and hash joins built from recycled (dirty) memory give the same rows
/// and still stop at the per-query memory limit with 53200.
/// </summary>
public class BufferRecyclerTests
{
    private const int Large = 1 << 16;

    private static readonly SqlType[] Types = [SqlType.Int8, SqlType.Text, SqlType.Int4];

    [Fact]
    public void A_returned_array_is_lent_again()
    {
        var buffers = new BufferRecycler(16L << 20);
        var first = buffers.Rent<ulong>(Large);
        buffers.Return(first);
        Assert.Equal(Large * 8L, buffers.Held);

        var second = buffers.Rent<ulong>(Large - 100);

        Assert.Same(first, second);
        Assert.Equal(1, buffers.Reused);
        Assert.Equal(0, buffers.Held);
    }

    [Fact]
    public void Lengths_round_up_by_at_most_an_eighth()
    {
        foreach (var length in new[] { 9, 1000, 65_536, 196_608, 6_660_001 })
        {
            var bucket = BufferRecycler.Bucket(length);
            Assert.InRange(bucket, length, length + (length / 8) + 1);
            Assert.Equal(bucket, BufferRecycler.Bucket(bucket));
        }
    }

    [Fact]
    public void The_cap_bounds_what_is_kept()
    {
        var buffers = new BufferRecycler(3L * Large * 8);
        var arrays = Enumerable.Range(0, 5).Select(_ => buffers.Rent<ulong>(Large)).ToList();
        foreach (var array in arrays)
            buffers.Return(array);

        Assert.Equal(3L * Large * 8, buffers.Held);
        var again = Enumerable.Range(0, 5).Select(_ => buffers.Rent<ulong>(Large)).ToList();
        Assert.Equal(3, again.Count(a => arrays.Contains(a)));
        Assert.Equal(0, buffers.Held);
    }

    [Fact]
    public void A_cap_of_zero_keeps_nothing_and_small_arrays_are_not_kept()
    {
        var none = new BufferRecycler(0);
        none.Return(none.Rent<int>(Large));
        Assert.Equal(0, none.Held);

        var buffers = new BufferRecycler(1L << 30);
        buffers.Return(buffers.Rent<int>(100));
        Assert.Equal(0, buffers.Held);
    }

    [Fact]
    public void Concurrent_renters_never_hold_the_same_array()
    {
        var buffers = new BufferRecycler(64L << 20);
        var owners = new System.Collections.Concurrent.ConcurrentDictionary<int[], int>(ReferenceEqualityComparer.Instance);
        var clashes = 0;
        Parallel.For(0, 4, worker =>
        {
            for (var i = 0; i < 500; i++)
            {
                var array = buffers.Rent<int>(Large);
                if (!owners.TryAdd(array, worker))
                    Interlocked.Increment(ref clashes);
                array[0] = worker;
                Thread.SpinWait(50);
                if (array[0] != worker)
                    Interlocked.Increment(ref clashes);
                owners.TryRemove(array, out _);
                buffers.Return(array);
            }
        });
        Assert.Equal(0, clashes);
        Assert.True(buffers.Reused > 0);
    }

    [Fact]
    public void A_returned_block_is_lent_again_dirty_and_Clear_frees_it()
    {
        var buffers = new BufferRecycler(64L << 20);
        var block = buffers.RentBlock(5L << 20);
        Assert.True(block.Zeroed);
        Assert.True(block.Bytes >= 5L << 20);
        unsafe
        {
            block.Pointer[0] = 42;
        }
        buffers.Return(block);
        Assert.Equal(block.Bytes, buffers.Held);

        var again = buffers.RentBlock((5L << 20) - 4096);

        Assert.Same(block, again);
        Assert.False(again.Zeroed);
        Assert.Equal(0, buffers.Held);
        buffers.Return(again);
        buffers.Clear();
        Assert.Equal(0, buffers.Held);
        unsafe
        {
            Assert.True(again.Pointer is null);
        }
        Assert.True(buffers.RentBlock(5L << 20).Zeroed);
    }

    [Fact]
    public void A_block_beyond_the_cap_is_freed_not_kept()
    {
        var buffers = new BufferRecycler(6L << 20);
        var blocks = new[] { buffers.RentBlock(4L << 20), buffers.RentBlock(4L << 20) };
        foreach (var block in blocks)
            buffers.Return(block);

        Assert.Equal(4L << 20, buffers.Held);
        unsafe
        {
            Assert.True(blocks[0].Pointer is not null);
            Assert.True(blocks[1].Pointer is null);
        }
    }

    /// <summary>Rows (key, text or NULL, i); keys repeat so a probe row can match several build rows. A
    /// <paramref name="spread"/> above 1 scatters the keys too widely for a dense index, so the join builds its
    /// hash slot table (a recycled native block).</summary>
    private static InMemoryTable Table(int rows, int salt, long spread = 1) =>
        InMemoryTable.FromRows(Types, Enumerable.Range(0, rows).Select(i =>
        {
            long? key = i % 997 == 0 ? null : (((i * 7919L) + salt) % (rows / 2)) * spread;
            return new object?[] { key, i % 5 == 0 ? null : $"t{i}", i };
        }));

    private static HashJoinOperator Join(InMemoryTable probe, InMemoryTable build, JoinType type) =>
        new(Plans.Scan(probe), Plans.Scan(build), [Expr.Column(0, Types[0])], [Expr.Column(0, Types[0])], type);

    private static List<string> Sorted(List<object?[]> rows) =>
        [.. rows.Select(r => string.Join("|", r.Select(v => v?.ToString() ?? "∅"))).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData(JoinType.Inner)]
    [InlineData(JoinType.Full)]
    public void Joins_built_from_recycled_buffers_give_the_same_rows(JoinType type)
    {
        var buffers = new BufferRecycler(256L << 20);
        // Different builds in turn: each later one writes into an earlier one's (now dirty) chunk columns and arrays.
        var first = (Probe: Table(150_000, 1), Build: Table(160_000, 3));
        var second = (Probe: Table(140_000, 5), Build: Table(150_000, 7));
        foreach (var (probe, build) in new[] { first, second, first })
        {
            var expected = Sorted(Plans.Run(Join(probe, build, type), 2));

            var actual = Sorted(Plans.Run(Join(probe, build, type), 2, buffers: buffers));

            Assert.Equal(expected, actual);
            Assert.True(buffers.Held > 0);
        }
        Assert.True(buffers.Reused > 0);
    }

    [Theory]
    [InlineData(JoinType.Inner)]
    [InlineData(JoinType.Anti)]
    public void Hash_tables_built_in_a_recycled_dirty_slot_table_give_the_same_rows(JoinType type)
    {
        var buffers = new BufferRecycler(256L << 20);
        // Sparse keys: each build fills a slot table of several MB; the later ones get an earlier one's, full of
        // its slots, and must clear it (a stale slot would match a key the build does not have).
        var first = (Probe: Table(150_000, 1, 1_000_003), Build: Table(160_000, 3, 1_000_003));
        var second = (Probe: Table(150_000, 5, 999_983), Build: Table(160_000, 7, 999_983));
        foreach (var (probe, build) in new[] { first, second, first, second })
        {
            var expected = Sorted(Plans.Run(Join(probe, build, type), 2));

            var actual = Sorted(Plans.Run(Join(probe, build, type), 2, buffers: buffers));

            Assert.Equal(expected, actual);
        }
        // The builds' slot table went back to the recycler (and each later build took it from there).
        Assert.Equal(1, buffers.BlocksHeld);
        Assert.True(buffers.Reused > 0);
    }

    [Fact]
    public void The_memory_limit_still_stops_a_build_on_recycled_buffers_with_53200()
    {
        var buffers = new BufferRecycler(256L << 20);
        var build = Table(200_000, 1);
        var probe = Table(1_000, 3);
        Plans.Run(Join(probe, build, JoinType.Inner), 2, buffers: buffers);
        Assert.True(buffers.Held > 0);
        var memory = new MemoryBudget(8L << 20);

        var e = Assert.Throws<ExecutionException>(() =>
            Plans.Run(Join(probe, build, JoinType.Inner), 2, memory, buffers: buffers));

        Assert.Equal("53200", e.SqlState);
        Assert.Equal(0, memory.Used);
        Assert.InRange(buffers.Held, 1, buffers.Cap);
    }
}
