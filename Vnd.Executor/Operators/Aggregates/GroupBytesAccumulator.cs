using Vnd.Executor.Execution;

namespace Vnd.Executor.Operators.Aggregates;

/// <summary>
/// An aggregate whose state per group is a growable byte buffer (string_agg, array_agg): buffers double as they
/// fill and every byte is charged to the query's memory budget. A group no value reached has no buffer (its
/// result is NULL); one reached by an empty value has an empty buffer.
/// </summary>
public abstract class GroupBytesAccumulator(MemoryBudget memory) : Accumulator(memory)
{
    private byte[]?[] _buffers = [];
    private int[] _lengths = [];
    private long _bytes;

    public override void Resize(int count)
    {
        Grow(ref _buffers, count);
        Grow(ref _lengths, count);
    }

    /// <summary>True once a value reached group <paramref name="g"/>.</summary>
    protected bool Has(int g) => _buffers[g] is not null;

    /// <summary>Group <paramref name="g"/>'s bytes so far (empty when it has none).</summary>
    protected ReadOnlySpan<byte> Bytes(int g) => _buffers[g] is { } buffer ? buffer.AsSpan(0, _lengths[g]) : default;

    /// <summary>Appends <paramref name="length"/> bytes to group <paramref name="g"/>'s buffer and returns them to fill.</summary>
    protected Span<byte> Reserve(int g, int length)
    {
        var buffer = _buffers[g];
        var used = _lengths[g];
        if (buffer is null || used + length > buffer.Length)
        {
            var size = Math.Max(used + length, Math.Max(32, (buffer?.Length ?? 0) * 2));
            Memory.Reserve(size - (buffer?.Length ?? 0));
            _bytes += size - (buffer?.Length ?? 0);
            var grown = new byte[size];
            buffer?.AsSpan(0, used).CopyTo(grown);
            _buffers[g] = buffer = grown;
        }
        _lengths[g] = used + length;
        return buffer.AsSpan(used, length);
    }

    public override void Dispose()
    {
        Memory.Release(_bytes);
        _bytes = 0;
        base.Dispose();
    }
}
