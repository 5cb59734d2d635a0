using System.Buffers.Binary;
using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;
using Vnd.Executor.Storage.Builders;

namespace Vnd.Capture.Import.Columns;

public sealed class BoolFiller(FieldDescriptor[] fields, BoolColumnBuilder builder) : ColumnFiller(fields)
{
    public override void Fill(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        foreach (var field in Fields)
        {
            if (FieldReader.TryGetBool(in packet, field.Id, out var value))
            {
                builder.Append(value);
                return;
            }
        }
        builder.AppendNull();
    }
}

/// <summary>An IPv4-only column keeps 4-byte values.</summary>
public sealed class Inet4Filler(FieldDescriptor[] fields, Inet4ColumnBuilder builder) : ColumnFiller(fields)
{
    public override void Fill(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        foreach (var field in Fields)
        {
            if (FieldReader.TryGetIpv4(in packet, field.Id, out var address))
            {
                builder.Append(address);
                return;
            }
        }
        builder.AppendNull();
    }
}

/// <summary>A column that may hold IPv6 addresses (or both families).</summary>
public sealed class InetFiller(FieldDescriptor[] fields, InetColumnBuilder builder) : ColumnFiller(fields)
{
    public override void Fill(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        Span<byte> address = stackalloc byte[16];
        foreach (var field in Fields)
        {
            if (FieldReader.TryGetAddress(in packet, field.Id, address, out var length))
            {
                builder.Append(address[..length]);
                return;
            }
        }
        builder.AppendNull();
    }
}

public sealed class MacFiller(FieldDescriptor[] fields, MacAddrColumnBuilder builder) : ColumnFiller(fields)
{
    public override void Fill(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        Span<byte> mac = stackalloc byte[8];
        foreach (var field in Fields)
        {
            if (FieldReader.TryGetMac(in packet, field.Id, out var value))
            {
                BinaryPrimitives.WriteUInt64BigEndian(mac, value << 16);
                builder.Append(mac[..6]);
                return;
            }
        }
        builder.AppendNull();
    }
}

/// <summary>Text (UTF-8) and byte-string fields.</summary>
public sealed class BytesFiller(FieldDescriptor[] fields, VariableWidthColumnBuilder builder) : ColumnFiller(fields)
{
    public override void Fill(in DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        foreach (var field in Fields)
        {
            var present = field.Kind == FieldKind.Text
                ? FieldReader.TryGetText(in packet, field.Id, out var value)
                : FieldReader.TryGetBytes(in packet, frame, field.Id, out value);
            if (present)
            {
                builder.Append(value);
                return;
            }
        }
        builder.AppendNull();
    }
}
