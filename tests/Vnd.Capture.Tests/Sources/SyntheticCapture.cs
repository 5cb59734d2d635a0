using System.Buffers.Binary;

namespace Vnd.Capture.Tests.Sources;

/// <summary>Writes small pcap and pcapng files in either byte order for cases no sample capture has.</summary>
internal sealed class SyntheticCapture
{
    private readonly MemoryStream _bytes = new();
    private readonly bool _bigEndian;

    public SyntheticCapture(bool bigEndian = false) => _bigEndian = bigEndian;

    public byte[] ToArray() => _bytes.ToArray();

    public SyntheticCapture PcapHeader(uint magic = 0xA1B2C3D4, ushort major = 2, uint snapLength = 65535, uint linkWord = 1)
    {
        U32(magic);
        U16(major);
        U16(4);
        U32(0);
        U32(0);
        U32(snapLength);
        return U32(linkWord);
    }

    public SyntheticCapture PcapRecord(uint seconds, uint fraction, uint capturedLength, uint originalLength, int bodyLength = -1)
    {
        U32(seconds);
        U32(fraction);
        U32(capturedLength);
        U32(originalLength);
        return Bytes(bodyLength < 0 ? (int)capturedLength : bodyLength);
    }

    public SyntheticCapture SectionHeader(ushort major = 1, ushort minor = 0) =>
        Block(0x0A0D0D0A, body =>
        {
            body.U32(0x1A2B3C4D).U16(major).U16(minor);
            body.U32(0xFFFFFFFF).U32(0xFFFFFFFF);
        });

    /// <summary>IDB with optional if_tsresol and if_tsoffset.</summary>
    public SyntheticCapture InterfaceDescription(ushort linkType, uint snapLength, byte? tsresol = null, long? tsoffset = null) =>
        Block(1, body =>
        {
            body.U16(linkType).U16(0).U32(snapLength);
            if (tsresol is { } resolution)
                body.U16(9).U16(1).Raw([resolution, 0, 0, 0]);
            if (tsoffset is { } offset)
                body.U16(14).U16(8).U64((ulong)offset);
            if (tsresol is not null || tsoffset is not null)
                body.U32(0);
        });

    public SyntheticCapture EnhancedPacket(uint interfaceId, ulong ticks, uint capturedLength, uint originalLength, int bodyLength = -1) =>
        Block(6, body =>
        {
            body.U32(interfaceId).U32((uint)(ticks >> 32)).U32((uint)ticks).U32(capturedLength).U32(originalLength);
            body.Bytes(bodyLength < 0 ? (int)capturedLength : bodyLength).Pad();
        });

    public SyntheticCapture Block(uint type, Action<SyntheticCapture> writeBody)
    {
        var body = new SyntheticCapture(_bigEndian);
        writeBody(body);
        var content = body.ToArray();
        U32(type);
        U32((uint)(content.Length + 12));
        Raw(content);
        return U32((uint)(content.Length + 12));
    }

    public SyntheticCapture Bytes(int count)
    {
        for (var i = 0; i < count; i++)
            _bytes.WriteByte((byte)i);
        return this;
    }

    public SyntheticCapture Raw(byte[] bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    public SyntheticCapture Pad() => Bytes((int)((4 - _bytes.Length % 4) % 4));

    public SyntheticCapture U16(ushort value)
    {
        Span<byte> b = stackalloc byte[2];
        if (_bigEndian) BinaryPrimitives.WriteUInt16BigEndian(b, value); else BinaryPrimitives.WriteUInt16LittleEndian(b, value);
        _bytes.Write(b);
        return this;
    }

    public SyntheticCapture U32(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        if (_bigEndian) BinaryPrimitives.WriteUInt32BigEndian(b, value); else BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        _bytes.Write(b);
        return this;
    }

    public SyntheticCapture U64(ulong value)
    {
        Span<byte> b = stackalloc byte[8];
        if (_bigEndian) BinaryPrimitives.WriteUInt64BigEndian(b, value); else BinaryPrimitives.WriteUInt64LittleEndian(b, value);
        _bytes.Write(b);
        return this;
    }
}
