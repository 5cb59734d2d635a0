using Vnd.Executor.Execution;
using Vnd.Executor.Vectors;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>string_agg(x, separator): non-NULL values joined in arrival order (unspecified in PostgreSQL too
/// without ORDER BY). Each group owns a growable byte buffer.</summary>
public sealed class StringAggAccumulator(MemoryBudget memory, byte[] separator) : Accumulator(memory)
{
    private byte[]?[] _buffers = [];
    private int[] _lengths = [];
    private long _bytes;

    public override void Resize(int count)
    {
        Grow(ref _buffers, count);
        Grow(ref _lengths, count);
    }

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
            if (o._buffers[g] is { } b)
                Append(map[g], b.AsSpan(0, o._lengths[g]));
        }
    }

    public override void Finish(int first, int count, Vector output)
    {
        for (var i = 0; i < count; i++)
        {
            if (_buffers[first + i] is { } b)
                output.SetBytes(i, b.AsSpan(0, _lengths[first + i]));
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

    private void Append(int g, ReadOnlySpan<byte> value)
    {
        var buffer = _buffers[g];
        var length = _lengths[g];
        var needed = length + (buffer is null ? 0 : separator.Length) + value.Length;
        if (buffer is null || needed > buffer.Length)
        {
            var size = Math.Max(needed, Math.Max(32, (buffer?.Length ?? 0) * 2));
            Memory.Reserve(size - (buffer?.Length ?? 0));
            _bytes += size - (buffer?.Length ?? 0);
            var grown = new byte[size];
            buffer?.AsSpan(0, length).CopyTo(grown);
            if (buffer is not null)
            {
                separator.CopyTo(grown.AsSpan(length));
                length += separator.Length;
            }
            buffer = grown;
        }
        else
        {
            separator.CopyTo(buffer.AsSpan(length));
            length += separator.Length;
        }
        value.CopyTo(buffer.AsSpan(length));
        _buffers[g] = buffer;
        _lengths[g] = length + value.Length;
    }
}
