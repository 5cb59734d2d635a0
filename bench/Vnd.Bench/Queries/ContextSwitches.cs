using System.Runtime.InteropServices;

namespace Vnd.Bench.Queries;

/// <summary>
/// The process's context switches so far, all threads (getrusage RUSAGE_SELF): voluntary ones are waits (a lock,
/// a queue, I/O), involuntary ones preemptions. A slow run with many involuntary switches lost its cores to other
/// processes; one with many voluntary switches waited on itself.
/// </summary>
internal static partial class ContextSwitches
{
    public static (long Voluntary, long Involuntary) Read()
    {
        // struct rusage on 64-bit Linux: two timevals (32 bytes), then 14 longs; ru_nvcsw and ru_nivcsw are the last two.
        Span<long> usage = stackalloc long[18];
        if (GetRUsage(0, ref MemoryMarshal.GetReference(usage)) != 0)
            return (0, 0);
        return (usage[16], usage[17]);
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRUsage(int who, ref long usage);
}
