using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>count(*) (every row) or count(x) (rows where x is not NULL).</summary>
public sealed class CountAccumulator(MemoryBudget memory, bool star) : Accumulator(memory), IRetractableAccumulator
{
    private long[] _counts = [];

    public override void Resize(int count) => Grow(ref _counts, count);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public override void Update(Vector? input, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var counts = _counts;
        if (star || input!.Validity.AllValid)
        {
            foreach (var g in groups)
                counts[g]++;
            return;
        }
        var stride = input.IsConstant ? 0 : 1;
        for (var k = 0; k < rows.Length; k++)
        {
            if (input.Validity.IsValid(rows[k] * stride))
                counts[groups[k]]++;
        }
    }

    /// <summary>Adds rows counted outside <see cref="Update"/> (the group table's count-only fast path) to a group.</summary>
    internal void Add(int group, long rows) => _counts[group] += rows;

    public bool CanRetract => true;

    public void Retract(Vector? input, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        var counts = _counts;
        var stride = star || input!.Validity.AllValid ? -1 : input.IsConstant ? 0 : 1;
        for (var k = 0; k < groups.Length; k++)
        {
            if (stride < 0 || input!.Validity.IsValid(rows[k] * stride))
                counts[groups[k]]--;
        }
    }

    public override void Merge(Accumulator other, ReadOnlySpan<int> map)
    {
        var o = ((CountAccumulator)other)._counts;
        for (var g = 0; g < map.Length; g++)
            _counts[map[g]] += o[g];
    }

    public override void Finish(int first, int count, Vector output) =>
        _counts.AsSpan(first, count).CopyTo(output.Data<long>());
}
