using System.Numerics;
using System.Runtime.CompilerServices;
using Vnd.Capture.Fields;
using Vnd.Executor.Storage.Builders;

namespace Vnd.Capture.Import.Columns;

/// <summary>An int2, int4 or int8 column; values are stored as the column's width (fields fit their column types).</summary>
internal sealed class IntegerFiller<T>(FieldDescriptor[] fields, PrimitiveColumnBuilder<T> builder) : ColumnFiller(fields), IStagedColumnFiller
    where T : unmanaged, INumber<T>
{
    private readonly IntegerColumnReader _reader = IntegerColumnReader.ForIntegers(fields);

    public override void Fill(PacketBatch batch, ReadOnlySpan<int> rows)
    {
        _reader.Read(batch, rows, out var values, out var present);
        AppendValues(values, present);
    }

    public FieldSlot SlotOf(FieldDescriptor field) => FieldSlots.Integer(field.Id);

    public StagedColumn Target { get; } = new(builder, Storage);

    private static StagedStorage Storage =>
        typeof(T) == typeof(short) ? StagedStorage.Int16
        : typeof(T) == typeof(int) ? StagedStorage.Int32
        : typeof(T) == typeof(long) ? StagedStorage.Int64
        : throw new NotSupportedException($"no integer column stores {typeof(T).Name}");

    private void AppendValues(Span<long> values, Span<bool> present) => builder.AppendRange(values, present);
}

/// <summary>Timestamps come from the reader in nanoseconds; a microsecond column truncates toward the past.</summary>
internal sealed class TimestampFiller(FieldDescriptor[] fields, TimestampColumnBuilder builder, bool nanoseconds) : ColumnFiller(fields), IStagedColumnFiller
{
    private readonly IntegerColumnReader _reader = IntegerColumnReader.ForIntegers(fields);

    public override void Fill(PacketBatch batch, ReadOnlySpan<int> rows)
    {
        // The reader's buffers are this column's own: converted in place, then appended in one run.
        _reader.Read(batch, rows, out var ticks, out var valid);
        AppendValues(builder, nanoseconds, ticks, valid);
    }

    public FieldSlot SlotOf(FieldDescriptor field) => FieldSlots.Integer(field.Id);

    public StagedColumn Target { get; } = new(builder, nanoseconds ? StagedStorage.TimestampNanoseconds : StagedStorage.TimestampMicroseconds);

    /// <summary>Nanoseconds (or <see cref="TraceImporter.NoTimestamp"/>) in, the column's unit out, converted in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot in every import: fully optimised from the first call (see TraceImporter)
    public static void AppendValues(TimestampColumnBuilder builder, bool nanoseconds, Span<long> ticks, Span<bool> valid)
    {
        for (var i = 0; i < ticks.Length; i++)
        {
            if (!StagedColumn.TryConvertTimestamp(ticks[i], nanoseconds, out ticks[i]))
                valid[i] = false;
        }
        builder.AppendRange(ticks, valid);
    }
}
