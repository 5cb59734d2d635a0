using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;
using Vnd.Executor.Storage.Builders;

namespace Vnd.Capture.Import.Columns;

/// <summary>
/// Reads an integer-valued field (integers, booleans as 0/1, MACs as 48-bit numbers) from the first present field.
/// The readers are resolved when the column is planned; a column almost always has one field, which is read
/// without a loop.
/// </summary>
internal readonly struct IntegerField
{
    private readonly ResolvedInt64Field _first;
    private readonly ResolvedInt64Field[] _rest;

    public IntegerField(FieldDescriptor[] fields)
    {
        _first = new ResolvedInt64Field(fields[0].Id);
        _rest = new ResolvedInt64Field[fields.Length - 1];
        for (var i = 1; i < fields.Length; i++)
            _rest[i - 1] = new ResolvedInt64Field(fields[i].Id);
    }

    public bool TryRead(in DecodedPacket packet, ReadOnlySpan<byte> frame, out long value)
    {
        if (_first.TryGet(in packet, frame, out value))
            return true;
        foreach (var field in _rest)
        {
            if (field.TryGet(in packet, frame, out value))
                return true;
        }
        return false;
    }
}

public sealed class Int64Filler(FieldDescriptor[] fields, Int64ColumnBuilder builder) : ColumnFiller(fields)
{
    private readonly IntegerField _field = new(fields);

    public override void Fill(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        if (_field.TryRead(in packet, frame, out var value))
            builder.Append(value);
        else
            builder.AppendNull();
    }
}

public sealed class Int32Filler(FieldDescriptor[] fields, Int32ColumnBuilder builder) : ColumnFiller(fields)
{
    private readonly IntegerField _field = new(fields);

    public override void Fill(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        if (_field.TryRead(in packet, frame, out var value))
            builder.Append((int)value);
        else
            builder.AppendNull();
    }
}

public sealed class Int16Filler(FieldDescriptor[] fields, Int16ColumnBuilder builder) : ColumnFiller(fields)
{
    private readonly IntegerField _field = new(fields);

    public override void Fill(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        if (_field.TryRead(in packet, frame, out var value))
            builder.Append((short)value);
        else
            builder.AppendNull();
    }
}

/// <summary>Timestamps come from the reader in nanoseconds; a microsecond column truncates toward the past.</summary>
public sealed class TimestampFiller(FieldDescriptor[] fields, TimestampColumnBuilder builder, long divisor) : ColumnFiller(fields)
{
    private readonly IntegerField _field = new(fields);

    public override void Fill(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        if (_field.TryRead(in packet, frame, out var nanos) && nanos != TraceImporter.NoTimestamp)
            builder.Append(nanos >= 0 ? nanos / divisor : (nanos - divisor + 1) / divisor);
        else
            builder.AppendNull();
    }
}
