using System.Runtime.CompilerServices;
using Vnd.Executor.Storage.Builders;

namespace Vnd.Capture.Import.Columns;

/// <summary>The storage of a staged column: which <see cref="PrimitiveColumnBuilder{T}"/> it is, and how a timestamp converts.</summary>
internal enum StagedStorage : byte
{
    Int16,
    Int32,
    Int64,
    /// <summary>An IPv4-only inet column (<see cref="Inet4ColumnBuilder"/>): the address as a 32-bit number.</summary>
    Inet4,
    /// <summary>A timestamp column in nanoseconds: the value is the record's time, <see cref="TraceImporter.NoTimestamp"/> is NULL.</summary>
    TimestampNanoseconds,
    /// <summary>As <see cref="TimestampNanoseconds"/>, stored in microseconds (truncated toward the past).</summary>
    TimestampMicroseconds,
}

/// <summary>
/// Where a staged column's values go: its builder and its storage. The row stage switches on the storage once per
/// column per run and calls the builder's typed methods directly (generic code specialised per value type), so
/// appending a run costs no virtual or interface call per column.
/// </summary>
internal readonly record struct StagedColumn
{
    /// <param name="builder">The column's builder: the <see cref="PrimitiveColumnBuilder{T}"/> that <paramref name="storage"/> names.</param>
    public StagedColumn(ColumnBuilder builder, StagedStorage storage)
    {
        // Checked once here, so the row stage can reinterpret the builder per run without a cast helper call.
        var matches = storage switch
        {
            StagedStorage.Int16 => builder is PrimitiveColumnBuilder<short>,
            StagedStorage.Int32 => builder is PrimitiveColumnBuilder<int>,
            StagedStorage.Inet4 => builder is PrimitiveColumnBuilder<uint>,
            StagedStorage.Int64 => builder is PrimitiveColumnBuilder<long>,
            _ => builder is TimestampColumnBuilder,
        };
        if (!matches)
            throw new ArgumentException($"a {builder.GetType().Name} does not store {storage}", nameof(builder));
        Builder = builder;
        Storage = storage;
    }

    public ColumnBuilder Builder { get; }

    public StagedStorage Storage { get; }

    /// <summary>The conversion of a nanosecond timestamp to the column's unit; false for <see cref="TraceImporter.NoTimestamp"/> (NULL).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryConvertTimestamp(long nanos, bool nanoseconds, out long ticks)
    {
        if (nanos == TraceImporter.NoTimestamp)
        {
            ticks = 0;
            return false;
        }
        ticks = nanoseconds ? nanos : nanos >= 0 ? nanos / 1000 : (nanos - 999) / 1000;
        return true;
    }
}
