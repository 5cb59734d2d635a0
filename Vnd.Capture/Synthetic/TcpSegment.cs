namespace Vnd.Capture.Synthetic;

/// <summary>TCP flag bits as they sit in byte 13 of the header.</summary>
[Flags]
public enum TcpFlags : byte
{
    None = 0,
    Fin = 0x01,
    Syn = 0x02,
    Rst = 0x04,
    Psh = 0x08,
    Ack = 0x10,
}

/// <summary>One generated TCP segment: the header values a trace table records.</summary>
public struct TcpSegment
{
    public ulong SourceMac;
    public ulong DestinationMac;
    public uint SourceIp;
    public uint DestinationIp;
    public ushort SourcePort;
    public ushort DestinationPort;
    public uint Sequence;
    public uint Acknowledgment;
    public TcpFlags Flags;
    public ushort Window;
    public ushort IpId;
    public byte Ttl;
    public int PayloadLength;
}
