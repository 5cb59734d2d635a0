using Vnd.Executor.Storage;

namespace Vnd.Executor.Tests.Storage;

/// <summary>
/// The pool itself (<see cref="ImportBufferPool"/>): a returned buffer is handed out again as is, only for its own
/// length and kind; what it keeps stays under its bound; a buffer is never handed to two users at once, also when
/// several threads rent and return together.
/// </summary>
public sealed class ImportBufferPoolTests
{
    [Fact]
    public void A_returned_array_is_rented_again_for_its_length_and_kind_only()
    {
        var pool = new ImportBufferPool();
        Assert.Null(pool.TryRent<long>(100));
        var array = new long[100];
        pool.Return(array);
        Assert.Null(pool.TryRent<long>(99));
        Assert.Null(pool.TryRent<int>(100));
        Assert.Null(pool.TryRentPinned(800));
        Assert.Equal(800, pool.RetainedBytes);
        Assert.Same(array, pool.TryRent<long>(100));
        Assert.Null(pool.TryRent<long>(100));
        Assert.Equal(0, pool.RetainedBytes);

        var pinned = GC.AllocateUninitializedArray<byte>(64, pinned: true);
        pool.ReturnPinned(pinned);
        Assert.Null(pool.TryRent<byte>(64));
        Assert.Same(pinned, pool.TryRentPinned(64));
    }

    [Fact]
    public void Buffers_returned_beyond_the_bound_are_dropped()
    {
        var pool = new ImportBufferPool(maxRetainedBytes: 1000);
        var first = new byte[600];
        pool.Return(first);
        pool.Return(new byte[600]);
        pool.Return(new int[100]);
        Assert.Equal(1000, pool.RetainedBytes);
        Assert.Same(first, pool.TryRent<byte>(600));
        Assert.Null(pool.TryRent<byte>(600));
        Assert.NotNull(pool.TryRent<int>(100));
        Assert.Equal(0, pool.RetainedBytes);

        var none = new ImportBufferPool(maxRetainedBytes: 0);
        none.Return(new byte[1]);
        Assert.Null(none.TryRent<byte>(1));
    }

    [Fact]
    public void A_buffer_returned_twice_is_refused()
    {
        var pool = new ImportBufferPool();
        var array = new byte[10];
        pool.Return(array);
        Assert.Throws<InvalidOperationException>(() => pool.Return(array));
        Assert.Equal(10, pool.RetainedBytes);
    }

    [Fact]
    public void Concurrent_renters_never_share_an_array()
    {
        // Each renter stamps its array with its own number and checks the stamp after yielding: an array handed to
        // two renters at once would show the other's stamp. The bound keeps fewer arrays than renters, so arrays are
        // both reused and dropped while the threads run.
        const int Threads = 4;
        const int Length = 256;
        var pool = new ImportBufferPool(maxRetainedBytes: 3 * Length * sizeof(int));
        var failures = 0;
        var reused = 0;
        var start = new Barrier(Threads);
        var workers = Enumerable.Range(1, Threads).Select(stamp => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 5_000; i++)
            {
                var array = pool.TryRent<int>(Length);
                if (array is not null)
                    Interlocked.Increment(ref reused);
                array ??= new int[Length];
                array.AsSpan().Fill(stamp);
                Thread.Yield();
                if (array.AsSpan().ContainsAnyExcept(stamp))
                    Interlocked.Increment(ref failures);
                pool.Return(array);
            }
        })).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        Assert.Equal(0, failures);
        Assert.True(reused > 0);
        Assert.True(pool.RetainedBytes <= pool.MaxRetainedBytes);
    }
}
