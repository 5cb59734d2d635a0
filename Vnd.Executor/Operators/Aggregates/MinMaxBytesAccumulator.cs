using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>min/max of text or bytea (byte-wise, C collation). Keeps one array per group, replaced only when a
/// better value arrives.</summary>
public sealed class MinMaxBytesAccumulator(MemoryBudget memory, bool max) : Accumulator(memory)
{
    private byte[]?[] _values = [];
    private long _bytes;

    public override void Resize(int count) => Grow(ref _values, count);

    public override void Update(Vector? input, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        for (var k = 0; k < rows.Length; k++)
        {
            if (input!.IsValid(rows[k]))
                Offer(groups[k], input.GetBytes(rows[k]));
        }
    }

    public override void Merge(Accumulator other, ReadOnlySpan<int> map)
    {
        var o = (MinMaxBytesAccumulator)other;
        for (var g = 0; g < map.Length; g++)
        {
            if (o._values[g] is { } v)
                Offer(map[g], v);
        }
    }

    public override void Finish(int first, int count, Vector output)
    {
        for (var i = 0; i < count; i++)
        {
            if (_values[first + i] is { } v)
                output.SetBytes(i, v);
            else
                output.SetNull(i);
        }
    }

    public override void Dispose()
    {
        Memory.Release(_bytes);
        _bytes = 0;
        base.Dispose();
    }

    private void Offer(int g, ReadOnlySpan<byte> value)
    {
        var current = _values[g];
        if (current is not null)
        {
            var c = value.SequenceCompareTo(current);
            if (max ? c <= 0 : c >= 0)
                return;
        }
        Memory.Reserve(value.Length);
        _bytes += value.Length;
        _values[g] = value.ToArray();
    }
}
