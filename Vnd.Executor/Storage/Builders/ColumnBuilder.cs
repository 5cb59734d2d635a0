using Apache.Arrow;
using Apache.Arrow.Types;
using Vnd.Planner.Types;

namespace Vnd.Executor.Storage.Builders;

/// <summary>
/// Collects one column of the current record batch. Values go into buffers allocated once and reused for
/// every batch, so appending is a bounds check and a store. The validity bitmap only exists once a null
/// was appended; until then every slot is valid and the Arrow array gets no validity buffer.
/// </summary>
public abstract class ColumnBuilder
{
    private byte[]? _validity;
    private bool _hasNulls;
    private int _nullCount;

    private protected ColumnBuilder(SqlType type, int capacity, ImportBufferPool? buffers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Buffers = buffers;
        Type = type;
        ArrowType = ArrowTypeMapping.ToArrowType(type);
        Capacity = capacity;
    }

    /// <summary>The column's logical type.</summary>
    public SqlType Type { get; }

    /// <summary>Values (including nulls) appended to the current batch.</summary>
    public int Count { get; private protected set; }

    /// <summary>Rows per batch; appending past it is a usage error (a row was not ended).</summary>
    public int Capacity { get; }

    /// <summary>Nulls appended to the current batch.</summary>
    public int NullCount => _nullCount;

    internal IArrowType ArrowType { get; }

    /// <summary>Where the builder's arrays come from and go back to (<see cref="ReturnBuffers"/>); null: its own.</summary>
    private protected ImportBufferPool? Buffers { get; }

    /// <summary>
    /// Gives the builder's arrays back to its pool for another writer's builders; the builder is unusable after it
    /// (its arrays are empty, so an append throws). Called by the writer when it is closed, not while Arrow may still
    /// read a batch. Without a pool, nothing happens.
    /// </summary>
    internal void ReturnBuffers()
    {
        if (Buffers is null)
            return;
        Count = 0;
        _hasNulls = false;
        _nullCount = 0;
        BatchChanged();
        if (_validity is not null)
            Buffers.Return(_validity);
        _validity = null;
        ReturnValueBuffers(Buffers);
    }

    /// <summary>Returns the value arrays of the builder to <paramref name="buffers"/> and leaves empty ones.</summary>
    private protected abstract void ReturnValueBuffers(ImportBufferPool buffers);

    /// <summary>A pool's array of <paramref name="length"/>, or a fresh one; its contents are undefined either way.</summary>
    private protected T[] RentArray<T>(int length)
        where T : unmanaged =>
        Buffers?.TryRent<T>(length) ?? GC.AllocateUninitializedArray<T>(length);

    /// <summary>Appends a SQL NULL.</summary>
    public abstract void AppendNull();

    /// <summary>The current batch as an Arrow array over this builder's memory (valid until <see cref="Reset"/>).</summary>
    internal abstract IArrowArray BuildArray();

    /// <summary>
    /// The current batch as an Arrow array as its segment stores the column (<see cref="StoredIntegerType"/>: a
    /// narrower integer type, maybe of offsets from a base): <see cref="BuildArray()"/> when that is the column's own type.
    /// </summary>
    internal virtual IArrowArray BuildArray(StoredInteger stored) => BuildArray();

    /// <summary>
    /// The least and greatest non-null value of the current batch of an integer column that may be stored narrower
    /// (<see cref="StoredIntegerType.IsNarrowable"/>); false when the column is not such a column or the batch has
    /// no non-null value.
    /// </summary>
    internal virtual bool IntegerRange(out long min, out long max)
    {
        min = max = 0;
        return false;
    }

    /// <summary>Folds the current batch into a segment's column statistics.</summary>
    internal abstract void AccumulateStatistics(ColumnStatisticsAccumulator statistics);

    /// <summary>Starts the next batch, keeping the buffers.</summary>
    internal void Reset()
    {
        Count = 0;
        _hasNulls = false;
        _nullCount = 0;
        BatchChanged();
    }

    /// <summary>Called when the current batch is reset or cut: anything a builder derived from it is stale.</summary>
    private protected virtual void BatchChanged()
    {
    }

    /// <summary>Drops values appended after the first <paramref name="count"/> (an unfinished row).</summary>
    internal void TruncateTo(int count)
    {
        for (var i = count; i < Count; i++)
        {
            if (!IsValid(i))
            {
                _validity![i >> 3] |= (byte)(1 << (i & 7));
                _nullCount--;
            }
        }
        Count = Math.Min(Count, count);
        BatchChanged();
    }

    private protected bool HasNulls => _hasNulls;

    /// <summary>Marks slot <see cref="Count"/> null; the caller then stores a filler value and advances.</summary>
    private protected void MarkNull() => MarkNull(Count);

    /// <summary>Marks slot <paramref name="index"/> (one not marked before, counted or not yet) null.</summary>
    private protected void MarkNull(int index)
    {
        if ((uint)index >= (uint)Capacity)
            ThrowFull();
        if (!_hasNulls)
        {
            // Whatever a pooled bitmap held is overwritten here: every slot valid until marked.
            _validity ??= RentArray<byte>((Capacity + 7) / 8);
            _validity.AsSpan().Fill(0xFF);
            _hasNulls = true;
        }
        _validity![index >> 3] &= (byte)~(1 << (index & 7));
        _nullCount++;
    }

    /// <summary>The validity bitmap of the current batch; empty when it has no nulls.</summary>
    private protected ReadOnlySpan<byte> Validity => _hasNulls ? _validity.AsSpan(0, ValidityBytes) : default;

    private protected bool IsValid(int index) => !_hasNulls || (_validity![index >> 3] & (1 << (index & 7))) != 0;

    private protected ArrowBuffer ValidityBuffer =>
        _hasNulls ? new ArrowBuffer(_validity.AsMemory(0, ValidityBytes)) : ArrowBuffer.Empty;

    private protected int ValidityBytes => _hasNulls ? (Count + 7) / 8 : 0;

    private protected IArrowArray Build(params ArrowBuffer[] buffers) => Build(ArrowType, buffers);

    private protected IArrowArray Build(IArrowType type, params ArrowBuffer[] buffers) =>
        ArrowArrayFactory.BuildArray(new ArrayData(type, Count, _nullCount, 0, buffers));

    private protected static void ThrowFull() =>
        throw new StorageException(StorageErrorKind.InvalidUsage,
            "column builder is full: a value was appended twice in a row or EndRow was not called");
}
