using Vnd.Executor.Execution;
using Vnd.Executor.Operators.Hashing;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// count(DISTINCT x): a hash set of (group, value) pairs; a pair seen for the first time counts once. Merging
/// re-inserts the other worker's pairs under the mapped group numbers.
/// </summary>
public sealed class DistinctCountAccumulator : Accumulator
{
    private readonly KeyEncoder _encoder;
    private readonly GroupValueSet _pairs;
    private long[] _counts = [];

    public DistinctCountAccumulator(MemoryBudget memory, PhysicalType type)
        : base(memory)
    {
        _encoder = new KeyEncoder([type], nullsAreValues: false);
        _pairs = new GroupValueSet(memory);
    }

    public override void Resize(int count) => Grow(ref _counts, count);

    public override void Update(Vector? input, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        _encoder.Encode([input!], rows);
        for (var k = 0; k < rows.Length; k++)
        {
            if (!_encoder.HasNull[k])
                Insert(groups[k], _encoder.Key(k));
        }
    }

    public override void Merge(Accumulator other, ReadOnlySpan<int> map)
    {
        var o = (DistinctCountAccumulator)other;
        for (var e = 0; e < o._pairs.Count; e++)
            Insert(map[o._pairs.Group(e)], o._pairs.Value(e));
    }

    public override void Finish(int first, int count, Vector output) =>
        _counts.AsSpan(first, count).CopyTo(output.Data<long>());

    public override void Dispose()
    {
        _pairs.Dispose();
        base.Dispose();
    }

    private void Insert(int group, ReadOnlySpan<byte> value)
    {
        if (_pairs.Add(group, value))
            _counts[group]++;
    }
}
