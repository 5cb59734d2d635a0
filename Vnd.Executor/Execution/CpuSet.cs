using System.Numerics;
using System.Runtime.InteropServices;

namespace Vnd.Executor.Execution;

/// <summary>
/// A set of CPUs a thread may run on (Linux's affinity mask, <c>sched_setaffinity</c>). Immutable; up to
/// <see cref="MaxCpus"/> CPUs. Applying a set is best effort: where the call does not exist (not Linux) or the kernel
/// refuses it (a CPU outside the process's cpuset), the thread keeps running where it was allowed to.
/// </summary>
public sealed partial class CpuSet : IEquatable<CpuSet>
{
    /// <summary>CPUs a set can name: the kernel's mask is passed as this many bits.</summary>
    public const int MaxCpus = 1024;

    private const int Words = MaxCpus / 64;
    private readonly ulong[] _mask;

    private CpuSet(ulong[] mask) => _mask = mask;

    /// <summary>The set of the given CPU numbers (0 to <see cref="MaxCpus"/> − 1).</summary>
    public static CpuSet Of(params ReadOnlySpan<int> cpus)
    {
        var mask = new ulong[Words];
        foreach (var cpu in cpus)
        {
            if ((uint)cpu >= MaxCpus)
                throw new ArgumentOutOfRangeException(nameof(cpus), $"CPU {cpu} is not between 0 and {MaxCpus - 1}");
            mask[cpu >> 6] |= 1UL << (cpu & 63);
        }
        return new CpuSet(mask);
    }

    /// <summary>How many CPUs the set names.</summary>
    public int Count
    {
        get
        {
            var count = 0;
            foreach (var word in _mask)
                count += BitOperations.PopCount(word);
            return count;
        }
    }

    /// <summary>Whether the set names <paramref name="cpu"/>.</summary>
    public bool Contains(int cpu) => (uint)cpu < MaxCpus && (_mask[cpu >> 6] & (1UL << (cpu & 63))) != 0;

    /// <summary>The CPU numbers, lowest first.</summary>
    public IEnumerable<int> Cpus
    {
        get
        {
            for (var w = 0; w < _mask.Length; w++)
            {
                for (var word = _mask[w]; word != 0; word &= word - 1)
                    yield return w * 64 + BitOperations.TrailingZeroCount(word);
            }
        }
    }

    /// <summary>This set without the CPUs of <paramref name="other"/>.</summary>
    public CpuSet Except(CpuSet other)
    {
        var mask = new ulong[Words];
        for (var w = 0; w < Words; w++)
            mask[w] = _mask[w] & ~other._mask[w];
        return new CpuSet(mask);
    }

    /// <summary>The CPUs the calling thread may run on now; null where that cannot be asked (not Linux).</summary>
    public static CpuSet? OfCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var mask = new ulong[Words];
        unsafe
        {
            fixed (ulong* words = mask)
                return SchedGetAffinity(0, Words * sizeof(ulong), words) == 0 ? new CpuSet(mask) : null;
        }
    }

    /// <summary>The CPU the calling thread is running on at this moment; −1 where that cannot be asked.</summary>
    public static int CurrentCpu() => OperatingSystem.IsLinux() ? SchedGetCpu() : -1;

    /// <summary>
    /// Restricts the calling thread to this set. False when it could not be (not Linux, an empty set, or the kernel
    /// refused); the thread's placement is then unchanged.
    /// </summary>
    public bool TryApplyToCurrentThread()
    {
        if (!OperatingSystem.IsLinux() || Count == 0)
            return false;
        unsafe
        {
            fixed (ulong* words = _mask)
                return SchedSetAffinity(0, Words * sizeof(ulong), words) == 0;
        }
    }

    public bool Equals(CpuSet? other) => other is not null && _mask.AsSpan().SequenceEqual(other._mask);

    public override bool Equals(object? obj) => Equals(obj as CpuSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var word in _mask)
            hash.Add(word);
        return hash.ToHashCode();
    }

    /// <summary>The CPUs as a Linux cpu list (<c>0,2-5</c>).</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        int? start = null;
        var previous = -2;
        foreach (var cpu in Cpus)
        {
            if (cpu != previous + 1 && start is { } s)
            {
                parts.Add(s == previous ? $"{s}" : $"{s}-{previous}");
                start = null;
            }
            start ??= cpu;
            previous = cpu;
        }
        if (start is { } last)
            parts.Add(last == previous ? $"{last}" : $"{last}-{previous}");
        return string.Join(',', parts);
    }

    // pid 0: the calling thread (Linux applies affinity per thread).
    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static unsafe partial int SchedSetAffinity(int pid, nint size, ulong* mask);

    [LibraryImport("libc", EntryPoint = "sched_getaffinity", SetLastError = true)]
    private static unsafe partial int SchedGetAffinity(int pid, nint size, ulong* mask);

    [LibraryImport("libc", EntryPoint = "sched_getcpu")]
    private static partial int SchedGetCpu();
}
