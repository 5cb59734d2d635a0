using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// The running state of one aggregate for every group of one worker: flat arrays indexed by group number,
/// updated a batch at a time (rows[k] of the input belongs to group groups[k]). Workers' states are merged at
/// the end, then finished into an output vector.
/// </summary>
public abstract class Accumulator : IDisposable
{
    private long _reserved;

    protected Accumulator(MemoryBudget memory) => Memory = memory;

    protected MemoryBudget Memory { get; }

    /// <summary>Makes room for groups [0, count).</summary>
    public abstract void Resize(int count);

    public abstract void Update(Vector? input, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups);

    /// <summary>Folds another worker's state in; its group g is this accumulator's group map[g].</summary>
    public abstract void Merge(Accumulator other, ReadOnlySpan<int> map);

    /// <summary>Writes groups [first, first + count) into output rows [0, count).</summary>
    public abstract void Finish(int first, int count, Vector output);

    public virtual void Dispose()
    {
        Memory.Release(_reserved);
        _reserved = 0;
        GC.SuppressFinalize(this);
    }

    /// <summary>Grows an array to at least <paramref name="count"/> (doubling), charging the budget.</summary>
    protected void Grow<T>(ref T[] array, int count)
    {
        if (array.Length >= count)
            return;
        var size = Math.Max(count, Math.Max(16, array.Length * 2));
        var bytes = (long)(size - array.Length) * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        Memory.Reserve(bytes);
        _reserved += bytes;
        Array.Resize(ref array, size);
    }
}
