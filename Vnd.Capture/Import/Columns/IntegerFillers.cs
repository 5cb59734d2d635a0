using System.Numerics;
using Vnd.Capture.Fields;
using Vnd.Executor.Storage.Builders;

namespace Vnd.Capture.Import.Columns;

/// <summary>An int2, int4 or int8 column; values are stored as the column's width (fields fit their column types).</summary>
internal sealed class IntegerFiller<T>(FieldDescriptor[] fields, PrimitiveColumnBuilder<T> builder) : ColumnFiller(fields)
    where T : unmanaged, INumber<T>
{
    private readonly IntegerColumnReader _reader = IntegerColumnReader.ForIntegers(fields);

    public override void Fill(PacketBatch batch, ReadOnlySpan<int> rows)
    {
        _reader.Read(batch, rows, out var values, out var present);
        for (var i = 0; i < values.Length; i++)
        {
            if (present[i])
                builder.Append(T.CreateTruncating(values[i]));
            else
                builder.AppendNull();
        }
    }
}

/// <summary>Timestamps come from the reader in nanoseconds; a microsecond column truncates toward the past.</summary>
internal sealed class TimestampFiller(FieldDescriptor[] fields, TimestampColumnBuilder builder, bool nanoseconds) : ColumnFiller(fields)
{
    private readonly IntegerColumnReader _reader = IntegerColumnReader.ForIntegers(fields);

    public override void Fill(PacketBatch batch, ReadOnlySpan<int> rows)
    {
        _reader.Read(batch, rows, out var values, out var present);
        for (var i = 0; i < values.Length; i++)
        {
            var nanos = values[i];
            if (!present[i] || nanos == TraceImporter.NoTimestamp)
                builder.AppendNull();
            else if (nanoseconds)
                builder.Append(nanos);
            else
                builder.Append(nanos >= 0 ? nanos / 1000 : (nanos - 999) / 1000);
        }
    }
}
