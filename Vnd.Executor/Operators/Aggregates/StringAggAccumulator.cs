using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>string_agg(x, separator): non-NULL values joined in arrival order (unspecified in PostgreSQL too
/// without ORDER BY). Each group owns a growable byte buffer.</summary>
public sealed class StringAggAccumulator(MemoryBudget memory, byte[] separator) : GroupBytesAccumulator(memory)
{
    public override void Update(Vector? input, ReadOnlySpan<int> rows, ReadOnlySpan<int> groups)
    {
        for (var k = 0; k < rows.Length; k++)
        {
            if (input!.IsValid(rows[k]))
                Append(groups[k], input.GetBytes(rows[k]));
        }
    }

    public override void Merge(Accumulator other, ReadOnlySpan<int> map)
    {
        var o = (StringAggAccumulator)other;
        for (var g = 0; g < map.Length; g++)
        {
            if (o.Has(g))
                Append(map[g], o.Bytes(g));
        }
    }

    public override void Finish(int first, int count, Vector output)
    {
        for (var i = 0; i < count; i++)
        {
            if (Has(first + i))
                output.SetBytes(i, Bytes(first + i));
            else
                output.SetNull(i);
        }
    }

    /// <summary>The separator before every value but a group's first.</summary>
    private void Append(int g, ReadOnlySpan<byte> value)
    {
        var gap = Has(g) ? separator.Length : 0;
        var target = Reserve(g, gap + value.Length);
        separator.AsSpan(0, gap).CopyTo(target);
        value.CopyTo(target[gap..]);
    }
}
