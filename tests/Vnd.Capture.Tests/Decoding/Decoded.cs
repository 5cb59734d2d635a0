using System.Net;
using System.Text;
using Vnd.Capture.Decoding;
using Vnd.Capture.Fields;

namespace Vnd.Capture.Tests.Decoding;

/// <summary>Decodes one frame and reads fields by catalog name, so unit tests state expectations the way SQL sees them.</summary>
public sealed class Decoded
{
    private readonly byte[] _frame;
    private DecodedPacket _packet;

    public Decoded(byte[] frame, ushort linkType = 1, int? originalLength = null, DecoderOptions? options = null)
    {
        _frame = frame;
        _packet = DecodedPacket.Create();
        new PacketDecoder(options).Decode(frame, linkType, originalLength ?? frame.Length, ref _packet);
        Assert.False(_packet.HasError(DecodeErrorKind.DecoderFault));
    }

    public DecodedPacket Packet => _packet;

    public bool Has(DecodeErrorKind kind) => _packet.HasError(kind);

    public long? Int(string name) =>
        FieldReader.TryGetInt64(in _packet, _frame, Field(name).Id, out var v) ? v : null;

    public bool? Bool(string name) => FieldReader.TryGetBool(in _packet, Field(name).Id, out var v) ? v : null;

    public string? Address(string name)
    {
        Span<byte> bytes = stackalloc byte[16];
        return FieldReader.TryGetAddress(in _packet, Field(name).Id, bytes, out var length) ? new IPAddress(bytes[..length]).ToString() : null;
    }

    public string? Mac(string name) =>
        FieldReader.TryGetMac(in _packet, Field(name).Id, out var mac) ? mac.ToString("x12", System.Globalization.CultureInfo.InvariantCulture) : null;

    public string? Text(string name) =>
        FieldReader.TryGetText(in _packet, Field(name).Id, out var utf8) ? Encoding.UTF8.GetString(utf8) : null;

    public byte[]? Bytes(string name) =>
        FieldReader.TryGetBytes(in _packet, _frame, Field(name).Id, out var bytes) ? bytes.ToArray() : null;

    private static FieldDescriptor Field(string name) =>
        FieldCatalog.Default.TryResolve(name, out var field) ? field : throw new ArgumentException($"no field {name}");
}
