using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;
using Vnd.Executor.Storage.Builders;

namespace Vnd.Capture.Import.Columns;

/// <summary>Reads an integer-valued field (integers, booleans as 0/1, MACs as 48-bit numbers) from the first present field.</summary>
internal static class IntegerField
{
    public static bool TryRead(FieldDescriptor[] fields, in DecodedPacket packet, ReadOnlySpan<byte> frame, out long value)
    {
        foreach (var field in fields)
        {
            if (FieldReader.TryGetInt64(in packet, frame, field.Id, out value))
                return true;
        }
        value = 0;
        return false;
    }
}

public sealed class Int64Filler(FieldDescriptor[] fields, Int64ColumnBuilder builder) : ColumnFiller(fields)
{
    public override void Fill(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        if (IntegerField.TryRead(Fields, in packet, frame, out var value))
            builder.Append(value);
        else
            builder.AppendNull();
    }
}

public sealed class Int32Filler(FieldDescriptor[] fields, Int32ColumnBuilder builder) : ColumnFiller(fields)
{
    public override void Fill(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        if (IntegerField.TryRead(Fields, in packet, frame, out var value))
            builder.Append((int)value);
        else
            builder.AppendNull();
    }
}

public sealed class Int16Filler(FieldDescriptor[] fields, Int16ColumnBuilder builder) : ColumnFiller(fields)
{
    public override void Fill(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        if (IntegerField.TryRead(Fields, in packet, frame, out var value))
            builder.Append((short)value);
        else
            builder.AppendNull();
    }
}

/// <summary>Timestamps come from the reader in nanoseconds; a microsecond column truncates toward the past.</summary>
public sealed class TimestampFiller(FieldDescriptor[] fields, TimestampColumnBuilder builder, long divisor) : ColumnFiller(fields)
{
    public override void Fill(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        if (IntegerField.TryRead(Fields, in packet, frame, out var nanos) && nanos != TraceImporter.NoTimestamp)
            builder.Append(nanos >= 0 ? nanos / divisor : (nanos - divisor + 1) / divisor);
        else
            builder.AppendNull();
    }
}
