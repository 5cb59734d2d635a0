using Apache.Arrow;
using Vnd.Executor.Storage.Sketches;
using Vnd.Planner.Types;

namespace Vnd.Executor.Storage.Builders;

/// <summary>
/// A column of fixed-width byte strings (addresses) in one reused buffer. Statistics compare values as
/// unsigned byte strings, which for network-order addresses is address order.
/// </summary>
public abstract class FixedSizeBinaryColumnBuilder : ColumnBuilder
{
    private byte[] _data;

    private protected FixedSizeBinaryColumnBuilder(SqlType type, int width, int capacity, ImportBufferPool? buffers)
        : base(type, capacity, buffers)
    {
        Width = width;
        _data = RentArray<byte>(checked(width * capacity));
    }

    /// <summary>Bytes per value.</summary>
    public int Width { get; }

    /// <summary>The value at <paramref name="index"/> of the current batch (zeros for nulls).</summary>
    public ReadOnlySpan<byte> this[int index] => (uint)index < (uint)Count
        ? _data.AsSpan(index * Width, Width)
        : throw new ArgumentOutOfRangeException(nameof(index));

    public override void AppendNull()
    {
        MarkNull();
        NextSlot().Clear();
    }

    /// <summary>The slot for the next value; advances <see cref="ColumnBuilder.Count"/>.</summary>
    private protected Span<byte> NextSlot()
    {
        var index = Count;
        if ((uint)index >= (uint)Capacity)
            ThrowFull();
        Count = index + 1;
        return _data.AsSpan(index * Width, Width);
    }

    private protected override void ReturnValueBuffers(ImportBufferPool buffers)
    {
        buffers.Return(_data);
        _data = [];
    }

    internal override IArrowArray BuildArray() =>
        Build(ValidityBuffer, new ArrowBuffer(_data.AsMemory(0, Count * Width)));

    internal override void AccumulateStatistics(ColumnStatisticsAccumulator statistics)
    {
        statistics.Add(NullCount, ValidityBytes + (long)Count * Width);
        var min = -1;
        var max = -1;
        for (var i = 0; i < Count; i++)
        {
            if (!IsValid(i))
                continue;
            var value = this[i];
            // Consecutive equal values (one flow's addresses) are hashed once: the sketch would not change.
            if (i == 0 || !value.SequenceEqual(_data.AsSpan((i - 1) * Width, Width)) || !IsValid(i - 1))
                statistics.Distinct.Add(SketchHash.Of(value));
            if (min < 0 || value.SequenceCompareTo(this[min]) < 0)
                min = i;
            if (max < 0 || value.SequenceCompareTo(this[max]) > 0)
                max = i;
        }
        if (min >= 0)
            statistics.AddBytes(this[min], this[max]);
    }
}
