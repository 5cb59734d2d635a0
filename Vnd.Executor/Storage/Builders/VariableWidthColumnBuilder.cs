using Apache.Arrow;
using Vnd.Executor.Storage.Sketches;
using Vnd.Planner.Types;

namespace Vnd.Executor.Storage.Builders;

/// <summary>
/// A column of variable-length byte strings in Arrow's layout: int32 offsets plus one data buffer. The
/// data buffer grows by doubling and is kept across batches, so a steady import stops allocating after
/// the first batches.
/// </summary>
public abstract class VariableWidthColumnBuilder : ColumnBuilder
{
    private int[] _offsets;
    private ArrayByteMemory<int> _offsetMemory;
    private byte[] _data;
    /// <summary>The data buffer's first size: the only size given back to a pool (a grown one fits no other builder's request).</summary>
    private readonly int _initialDataLength;

    private protected VariableWidthColumnBuilder(SqlType type, int capacity, ImportBufferPool? buffers)
        : base(type, capacity, buffers)
    {
        _offsets = RentArray<int>(checked(capacity + 1));
        // Every value starts where the previous one ended, the first at 0: the one offset never written by an append.
        _offsets[0] = 0;
        _offsetMemory = new ArrayByteMemory<int>(_offsets);
        _initialDataLength = Math.Min(capacity, 1 << 20) * 16;
        _data = RentArray<byte>(_initialDataLength);
    }

    /// <summary>Bytes of value data in the current batch.</summary>
    public int DataLength => _offsets[Count];

    /// <summary>The bytes of the value at <paramref name="index"/> of the current batch (empty for nulls).</summary>
    public ReadOnlySpan<byte> this[int index] => (uint)index < (uint)Count
        ? _data.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index])
        : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Appends a value given as bytes (UTF-8 for text).</summary>
    public void Append(ReadOnlySpan<byte> value)
    {
        value.CopyTo(Reserve(value.Length));
        Commit(value.Length);
    }

    public override void AppendNull()
    {
        MarkNull();
        Reserve(0);
        Commit(0);
    }

    /// <summary>Space for up to <paramref name="maxLength"/> bytes of the next value; finish with <see cref="Commit"/>.</summary>
    private protected Span<byte> Reserve(int maxLength)
    {
        if ((uint)Count >= (uint)Capacity)
            ThrowFull();
        var start = _offsets[Count];
        var end = (long)start + maxLength;
        if (end > int.MaxValue)
            throw new StorageException(StorageErrorKind.InvalidValue,
                "a batch of a text/bytea column exceeds 2 GiB; use fewer rows per batch");
        if (end > _data.Length)
            Grow((int)end);
        return _data.AsSpan(start, maxLength);
    }

    /// <summary>Ends the value started by <see cref="Reserve"/> with its actual length.</summary>
    private protected void Commit(int length)
    {
        _offsets[Count + 1] = _offsets[Count] + length;
        Count++;
    }

    private void Grow(int needed)
    {
        var size = (long)_data.Length * 2;
        while (size < needed)
            size *= 2;
        var grown = GC.AllocateUninitializedArray<byte>((int)Math.Min(size, System.Array.MaxLength));
        _data.AsSpan(0, _offsets[Count]).CopyTo(grown);
        _data = grown;
    }

    private protected override void ReturnValueBuffers(ImportBufferPool buffers)
    {
        buffers.Return(_offsets);
        if (_data.Length == _initialDataLength)
            buffers.Return(_data);
        _offsets = [0];
        _offsetMemory = new ArrayByteMemory<int>(_offsets);
        _data = [];
    }

    internal override IArrowArray BuildArray() => Build(
        ValidityBuffer,
        new ArrowBuffer(_offsetMemory.Bytes(Count + 1)),
        new ArrowBuffer(_data.AsMemory(0, DataLength)));

    internal override void AccumulateStatistics(ColumnStatisticsAccumulator statistics)
    {
        // No min/max: text predicates are equality or pattern matches, where bounds rarely prune.
        statistics.Add(NullCount, ValidityBytes + (Count + 1L) * sizeof(int) + DataLength);
        var previous = ReadOnlySpan<byte>.Empty;
        var first = true;
        for (var i = 0; i < Count; i++)
        {
            if (!IsValid(i))
                continue;
            var value = _data.AsSpan(_offsets[i], _offsets[i + 1] - _offsets[i]);
            if (!first && value.SequenceEqual(previous))
                continue;
            first = false;
            previous = value;
            statistics.Distinct.Add(SketchHash.Of(value));
        }
    }
}
