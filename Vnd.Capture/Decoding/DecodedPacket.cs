using System.Runtime.InteropServices;

namespace Vnd.Capture.Decoding;

/// <summary>
/// One decoded packet, filled in place by <see cref="PacketDecoder.Decode"/> and reused for every packet of a
/// capture so that decoding allocates nothing. Holds the outer layer, the innermost tunnel (or ICMP-quoted) layer,
/// the tunnel identifiers between them, and the set of <see cref="DecodeErrorKind"/>s met on the way.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public struct DecodedPacket
{
    /// <summary>Room for three DNS names (outer, inner, quoted) of at most <see cref="MaxNameLength"/> characters each.</summary>
    public const int NameBufferLength = 3 * MaxNameLength;
    public const int MaxNameLength = 320;

    private byte[] _names;

    /// <summary>Creates a packet with its own name buffer (allocate once per importer, not per packet).</summary>
    public static DecodedPacket Create() => Create(new byte[NameBufferLength]);

    /// <summary>Creates a packet writing DNS names into <paramref name="nameBuffer"/> (at least <see cref="NameBufferLength"/> bytes).</summary>
    public static DecodedPacket Create(byte[] nameBuffer)
    {
        ArgumentNullException.ThrowIfNull(nameBuffer);
        if (nameBuffer.Length < NameBufferLength)
            throw new ArgumentException($"the name buffer needs {NameBufferLength} bytes", nameof(nameBuffer));
        var packet = new DecodedPacket { _names = nameBuffer, InterfaceId = -1 };
        packet.Inner.Role = LayerRole.Inner;
        packet.Quoted.Role = LayerRole.Quoted;
        return packet;
    }

    /// <summary>Capture timestamp in nanoseconds since the Unix epoch; set by the importer from the capture record.</summary>
    public long TimestampNanos;
    /// <summary>pcapng interface id, or -1 when the capture has none; set by the importer.</summary>
    public int InterfaceId;

    public ushort LinkType;
    /// <summary>Length of the frame on the wire.</summary>
    public int FrameLength;
    /// <summary>Bytes captured (at most <see cref="FrameLength"/> unless the file is inconsistent).</summary>
    public int CapturedLength;

    /// <summary>Bit set of <see cref="DecodeErrorKind"/> (bit n = kind n).</summary>
    public ulong Errors;

    public HeaderLayer Outer;
    /// <summary>The innermost tunnelled frame; empty (<see cref="HeaderLayer.Parts"/> = None) without a tunnel.</summary>
    public HeaderLayer Inner;
    /// <summary>The headers quoted by the first ICMP/ICMPv6 error in the packet.</summary>
    public HeaderLayer Quoted;

    /// <summary>Number of encapsulations entered (VXLAN, Geneve, GRE, ERSPAN, IP-in-IP).</summary>
    public byte TunnelDepth;
    public VniStack Vnis;
    /// <summary>Number of VXLAN headers seen; <see cref="Vnis"/> keeps the first <see cref="VniStack.Capacity"/>.</summary>
    public byte VniCount;
    public bool HasGeneve;
    public uint GeneveVni;
    public bool HasGre;
    /// <summary>Protocol of the outermost GRE header.</summary>
    public ushort GreProto;
    /// <summary>Protocol of the innermost GRE header (GRE in GRE); equals <see cref="GreProto"/> with one.</summary>
    public ushort GreProtoInnermost;
    public byte GreCount;
    public bool HasGreKey;
    public uint GreKey;

    /// <summary>The DNS name text buffer the layers' name ranges point into.</summary>
    public readonly ReadOnlySpan<byte> NameBuffer => _names;

    internal readonly Span<byte> WritableNames => _names;

    public readonly bool HasTunnel => TunnelDepth > 0;

    public readonly bool HasError(DecodeErrorKind kind) => (Errors & (1UL << (int)kind)) != 0;

    public readonly bool HasVxlan => VniCount > 0;

    /// <summary>The innermost VXLAN VNI recorded (the tenant's segment when VXLAN is nested).</summary>
    public readonly uint InnermostVni => Vnis[Math.Min((int)VniCount, VniStack.Capacity) - 1];

    /// <summary>Bytes missing from the capture, or a header that was cut short.</summary>
    public readonly bool IsTruncated => (Errors & DecodeErrors.TruncationMask) != 0;

    internal void AddError(DecodeErrorKind kind) => Errors |= 1UL << (int)kind;

    /// <summary>
    /// Records that <paramref name="layer"/> was cut short, unless it is an ICMP-quoted header: an error message
    /// quotes only the first bytes of the offending packet by design, so a short quote is not a defect.
    /// </summary>
    internal void AddTruncation(in HeaderLayer layer, DecodeErrorKind kind)
    {
        if (layer.Role != LayerRole.Quoted)
            AddError(kind);
    }

    internal void Reset(ushort linkType, int capturedLength, int frameLength)
    {
        LinkType = linkType;
        CapturedLength = capturedLength;
        FrameLength = frameLength;
        Errors = 0;
        Outer.Clear();
        Inner.Clear();
        Quoted.Clear();
        TunnelDepth = 0;
        VniCount = 0;
        HasGeneve = false;
        HasGre = false;
        GreCount = 0;
        HasGreKey = false;
        if (capturedLength < frameLength)
            AddError(DecodeErrorKind.SnaplenCut);
    }
}
