using System.Runtime.CompilerServices;
using Apache.Arrow;
using Vnd.Executor.Storage.Sketches;
using Vnd.Planner.Types;

namespace Vnd.Executor.Storage.Builders;

/// <summary>A boolean column, bit-packed like Arrow's Boolean layout (least significant bit first).</summary>
public sealed class BoolColumnBuilder : ColumnBuilder
{
    private byte[] _bits;

    public BoolColumnBuilder(int capacity, ImportBufferPool? buffers = null)
        : base(SqlType.Bool, capacity, buffers)
    {
        // Cleared, as a fresh array is: the bits past the batch's last value in its last byte go into the file, so a
        // pooled array's old bits would make the file differ from one written without a pool.
        _bits = RentArray<byte>((capacity + 7) / 8);
        _bits.AsSpan().Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(bool value)
    {
        var index = Count;
        if ((uint)index >= (uint)Capacity)
            ThrowFull();
        // The buffer is reused, so the bit is written either way rather than only set.
        ref var b = ref _bits[index >> 3];
        var mask = 1 << (index & 7);
        b = (byte)((b & ~mask) | (value ? mask : 0));
        Count = index + 1;
    }

    public override void AppendNull()
    {
        MarkNull();
        Append(false);
    }

    /// <summary>The value at <paramref name="index"/> of the current batch (false for nulls).</summary>
    public bool this[int index] => (uint)index < (uint)Count
        ? (_bits[index >> 3] & (1 << (index & 7))) != 0
        : throw new ArgumentOutOfRangeException(nameof(index));

    private protected override void ReturnValueBuffers(ImportBufferPool buffers)
    {
        buffers.Return(_bits);
        _bits = [];
    }

    internal override IArrowArray BuildArray() =>
        Build(ValidityBuffer, new ArrowBuffer(_bits.AsMemory(0, (Count + 7) / 8)));

    internal override void AccumulateStatistics(ColumnStatisticsAccumulator statistics)
    {
        statistics.Add(NullCount, ValidityBytes + (Count + 7) / 8);
        bool sawFalse = false, sawTrue = false;
        for (var i = 0; i < Count && !(sawFalse && sawTrue); i++)
        {
            if (!IsValid(i))
                continue;
            if (this[i])
                sawTrue = true;
            else
                sawFalse = true;
        }
        if (sawFalse || sawTrue)
            statistics.AddInteger(sawFalse ? 0 : 1, sawTrue ? 1 : 0);
        if (sawFalse)
            statistics.Distinct.Add(SketchHash.Of(0UL));
        if (sawTrue)
            statistics.Distinct.Add(SketchHash.Of(1UL));
    }
}
