using Vnd.Executor.Execution;
using Vnd.Tests.Shared;

namespace Vnd.Executor.Tests.Threads;

/// <summary>
/// CPU sets as the kernel sees them: a set applied to a thread is the thread's affinity afterwards, a refused one
/// leaves it unchanged, and an import's placement splits the allowed CPUs into the importing CPU and the others.
/// Each test that changes a placement does it on a thread of its own, which ends with it.
/// </summary>
public sealed class CpuSetTests
{
    [Fact]
    public void A_set_names_its_cpus()
    {
        var set = CpuSet.Of(0, 2, 3, 4, 64, 1023);
        Assert.Equal(6, set.Count);
        Assert.Equal([0, 2, 3, 4, 64, 1023], set.Cpus);
        Assert.True(set.Contains(64));
        Assert.False(set.Contains(1));
        Assert.False(set.Contains(-1));
        Assert.False(set.Contains(CpuSet.MaxCpus));
        Assert.Equal("0,2-4,64,1023", set.ToString());
        Assert.Equal("2-4", set.Except(CpuSet.Of(0, 64, 1023, 5)).ToString());
        Assert.Equal(CpuSet.Of(3, 2), CpuSet.Of(2, 3));
        Assert.Equal(CpuSet.Of(3, 2).GetHashCode(), CpuSet.Of(2, 3).GetHashCode());
        Assert.NotEqual(CpuSet.Of(2), CpuSet.Of(2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => CpuSet.Of(CpuSet.MaxCpus));
        Assert.Throws<ArgumentOutOfRangeException>(() => CpuSet.Of(-1));
    }

    [Fact]
    public void A_thread_placed_on_one_cpu_runs_there()
    {
        OwnThread.Run(() =>
        {
            var allowed = CpuSet.OfCurrentThread();
            Assert.NotNull(allowed); // Linux: the tests run there
            Assert.True(allowed.Count >= 1);
            var last = allowed.Cpus.Last();
            Assert.True(CpuSet.Of(last).TryApplyToCurrentThread());
            Assert.Equal(CpuSet.Of(last), CpuSet.OfCurrentThread());
            // The kernel moves the thread before the call returns.
            Assert.Equal(last, CpuSet.CurrentCpu());
            Assert.True(allowed.TryApplyToCurrentThread());
            Assert.Equal(allowed, CpuSet.OfCurrentThread());
        });
    }

    [Fact]
    public void A_refused_set_leaves_the_thread_where_it_was()
    {
        OwnThread.Run(() =>
        {
            var before = CpuSet.OfCurrentThread()!;
            // No machine this runs on has CPU 1023 online; the kernel refuses a set of none it may use.
            var offline = CpuSet.Of(CpuSet.MaxCpus - 1).Except(before);
            Assert.False(offline.TryApplyToCurrentThread());
            Assert.False(CpuSet.Of().TryApplyToCurrentThread());
            Assert.Equal(before, CpuSet.OfCurrentThread());
        });
    }

    [Fact]
    public void An_import_placement_splits_the_allowed_cpus()
    {
        OwnThread.Run(() =>
        {
            var allowed = CpuSet.OfCurrentThread()!;
            var placement = ImportThreadPlacement.SplitCurrentCpus();
            if (allowed.Count < 2)
            {
                Assert.Null(placement);
                return;
            }
            Assert.NotNull(placement);
            Assert.Equal(1, placement.Importing.Count);
            Assert.True(allowed.Contains(placement.Importing.Cpus.Single()));
            Assert.Equal(allowed.Count - 1, placement.Io.Count);
            Assert.Equal(0, placement.Io.Except(allowed).Count);
            Assert.Equal(placement.Io, placement.Io.Except(placement.Importing));
        });
    }

    [Fact]
    public void A_thread_allowed_one_cpu_has_nothing_to_split()
    {
        OwnThread.Run(() =>
        {
            var allowed = CpuSet.OfCurrentThread()!;
            Assert.True(CpuSet.Of(allowed.Cpus.First()).TryApplyToCurrentThread());
            Assert.Null(ImportThreadPlacement.SplitCurrentCpus());
        });
    }
}
